import { AdminSection } from "@/components/admin/admin-section";
import { getAllowedImageHosts } from "@/lib/db/image-hosts";
import { ImageHostsForm } from "./image-hosts-form";

/** Settings section: Images in answers (a server component; its form posts to its own admin route). */
export async function ImageSettings() {
  const hosts = await getAllowedImageHosts();
  return (
    <AdminSection
      id="settings-images"
      title="Images in answers"
      description="Answers may show Markdown images. By default only images served by this app load; an image from any other host is replaced by a placeholder, so an answer cannot make browsers call outside servers (tracking pixels, data in URLs)."
    >
      <ImageHostsForm initialHosts={hosts} />
    </AdminSection>
  );
}
