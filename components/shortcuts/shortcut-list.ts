/** Every shortcut, as the help dialog lists it; the handlers are in global-shortcuts.tsx and chat-shortcuts.tsx. */
export const SHORTCUTS = [
  { keys: ["Ctrl", "Shift", "O"], description: "New chat" },
  { keys: ["Ctrl", "Shift", "X"], description: "Compare models" },
  { keys: ["Shift", "Esc"], description: "Focus the message box" },
  { keys: ["Ctrl", "K"], description: "Search conversations" },
  { keys: ["Esc"], description: "Stop the answer being written" },
  { keys: ["Ctrl", "Shift", "C"], description: "Copy the last answer" },
  { keys: ["?"], description: "Show keyboard shortcuts" },
  { keys: ["Ctrl", "/"], description: "Show keyboard shortcuts" },
] as const;
