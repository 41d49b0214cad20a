"use client";

import { memo } from "react";
import { AllowedImageHostsContext } from "./allowed-image-hosts";
import { MarkdownBlock } from "./markdown-block";
import { splitMarkdownBlocks } from "./split-blocks";

const NO_HOSTS: readonly string[] = [];

type MessageMarkdownProps = {
  text: string;
  /** Hosts images may load from besides the app's own origin. */
  allowedImageHosts?: readonly string[];
  className?: string;
};

/**
 * An answer rendered as Markdown, safely (no HTML, safe links only, no third-party images), block by block.
 * Memoised too, so the earlier answers of a long conversation skip even the split while the last one streams.
 */
export const MessageMarkdown = memo(function MessageMarkdown({ text, allowedImageHosts = NO_HOSTS, className }: MessageMarkdownProps) {
  const blocks = splitMarkdownBlocks(text);
  return (
    <AllowedImageHostsContext value={allowedImageHosts}>
      <div className={className ? `chat-markdown ${className}` : "chat-markdown"}>
        {blocks.map((block, index) => (
          // Blocks only grow at the end, so a position keeps its block (and its memoised rendering).
          <MarkdownBlock key={index} text={block} />
        ))}
      </div>
    </AllowedImageHostsContext>
  );
});
