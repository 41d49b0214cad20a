export function OrDivider() {
  return (
    <div className="flex items-center gap-3 text-xs font-medium tracking-wider text-muted-foreground uppercase">
      <span aria-hidden="true" className="h-px flex-1 bg-border" />
      or
      <span aria-hidden="true" className="h-px flex-1 bg-border" />
    </div>
  );
}
