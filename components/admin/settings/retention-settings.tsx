/** Settings section: Retention (a server component; its form posts to its own admin route). */
export async function RetentionSettings() {
  return (
    <section aria-labelledby="settings-retention" className="rounded-xl border border-border bg-card p-5">
      <h2 id="settings-retention" className="text-base font-semibold">Retention</h2>
    </section>
  );
}
