import { getAllowedImageHosts } from "@/lib/db/image-hosts";
import { ImageHostsForm } from "./image-hosts-form";

/** Settings section: Images in answers (a server component; its form posts to its own admin route). */
export async function ImageSettings() {
  const hosts = await getAllowedImageHosts();
  return (
    <section aria-labelledby="settings-images" className="rounded-xl border border-border bg-card p-5">
      <h2 id="settings-images" className="text-base font-semibold">
        Images in answers
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        Answers may show Markdown images. By default only images served by this app load; an image from any other host is replaced by a placeholder, so an
        answer cannot make browsers call outside servers (tracking pixels, data in URLs).
      </p>
      <ImageHostsForm initialHosts={hosts} />
    </section>
  );
}
