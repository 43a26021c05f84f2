import { CompareLoading } from "@/components/compare/compare-states";

export default function Loading() {
  return (
    <div className="flex h-dvh flex-col">
      <div className="flex h-14 shrink-0 items-center border-b border-slate-200 bg-white px-4">
        <p className="text-sm font-semibold text-slate-900">Compare</p>
      </div>
      <main className="flex min-h-0 flex-1 flex-col">
        <CompareLoading />
      </main>
    </div>
  );
}
