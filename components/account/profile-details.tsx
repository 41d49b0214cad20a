import { LocalTime } from "@/components/admin/audit/local-time";

type ProfileDetailsProps = {
  name: string | null;
  email: string;
  role: "admin" | "user";
  signIn: string;
  createdAt: string;
};

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 py-2.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

export function ProfileDetails({ name, email, role, signIn, createdAt }: ProfileDetailsProps) {
  return (
    <dl className="divide-y">
      <Row term="Name">{name ?? <span className="text-muted-foreground">Not set</span>}</Row>
      <Row term="Email">{email}</Row>
      <Row term="Role">{role === "admin" ? "Administrator" : "User"}</Row>
      <Row term="Sign-in">{signIn}</Row>
      <Row term="Member since">
        <LocalTime iso={createdAt} />
      </Row>
    </dl>
  );
}
