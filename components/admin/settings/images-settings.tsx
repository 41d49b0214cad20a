/** Settings section: Images in answers (a server component; its form posts to its own admin route). */
export async function ImageSettings() {
  return (
    <section aria-labelledby="settings-images" className="rounded-xl border border-border bg-card p-5">
      <h2 id="settings-images" className="text-base font-semibold">Images in answers</h2>
    </section>
  );
}
