/** Settings section: Sign-up and approval (a server component; its form posts to its own admin route). */
export async function AccessSettings() {
  return (
    <section aria-labelledby="settings-access" className="rounded-xl border border-border bg-card p-5">
      <h2 id="settings-access" className="text-base font-semibold">Sign-up and approval</h2>
    </section>
  );
}
