export default function EnvironmentsLoading() {
  return (
    <div className="min-h-dvh bg-slate-50">
      <div className="h-14 border-b border-slate-200 bg-white" />
      <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6" aria-busy="true">
        <p role="status" className="text-sm text-slate-600">
          Loading environments…
        </p>
        {[0, 1, 2].map((index) => (
          <div key={index} aria-hidden className="h-56 animate-pulse rounded-lg border border-slate-200 bg-white" />
        ))}
      </main>
    </div>
  );
}
