// How a user is shown in the UI when only some of name, email and image are known.

type Person = { name: string | null; email: string };

export function displayName({ name, email }: Person): string {
  return name?.trim() || email;
}

export function firstName(person: Person): string {
  const name = person.name?.trim();
  if (name) return name.split(/\s+/)[0] ?? name;
  return person.email.split("@")[0] || person.email;
}

export function initials({ name, email }: Person): string {
  const words = (name?.trim() || email.split("@")[0] || email).split(/[\s._-]+/).filter(Boolean);
  // Array.from keeps letters outside the BMP (and emoji) whole.
  const first = Array.from(words[0] ?? "?")[0] ?? "?";
  const last = words.length > 1 ? (Array.from(words[words.length - 1] ?? "")[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}

// Fixed hues so a person keeps the same avatar color on every page and device.
const AVATAR_HUES = [277, 250, 215, 190, 160, 135, 85, 55, 25, 350, 320, 300] as const;

export function avatarHue(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AVATAR_HUES[hash % AVATAR_HUES.length] ?? AVATAR_HUES[0];
}
