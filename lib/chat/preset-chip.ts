/** A preset as the new-chat page offers it: a quick start. */
export interface PresetChip {
  id: string;
  name: string;
}
