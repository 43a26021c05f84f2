export function EditorLoading() {
  return (
    <div className="flex h-full w-full items-center justify-center text-sm text-slate-500" role="status">
      Loading editor…
    </div>
  );
}
