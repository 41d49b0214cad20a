import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/status-page";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <StatusPage eyebrow="404" title="Page not found" description="The page you are looking for does not exist or has moved.">
      <Link href="/" className={buttonClasses({ variant: "secondary" })}>
        <ArrowLeft aria-hidden="true" />
        Back to home
      </Link>
    </StatusPage>
  );
}
