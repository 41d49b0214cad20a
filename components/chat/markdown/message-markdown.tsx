"use client";

import { memo } from "react";
import { AllowedImageHostsContext, useAllowedImageHosts } from "./allowed-image-hosts";
import { MarkdownBlock } from "./markdown-block";
import { splitMarkdownBlocks } from "./split-blocks";

type MessageMarkdownProps = {
  text: string;
  /** Hosts images may load from besides the app's own origin; by default those of AllowedImageHostsProvider. */
  allowedImageHosts?: readonly string[];
  className?: string;
};

/**
 * An answer rendered as Markdown, safely (no HTML, safe links only, no third-party images), block by block.
 * Memoised too, so the earlier answers of a long conversation skip even the split while the last one streams.
 */
export const MessageMarkdown = memo(function MessageMarkdown({ text, allowedImageHosts, className }: MessageMarkdownProps) {
  const blocks = splitMarkdownBlocks(text);
  const pageHosts = useAllowedImageHosts();
  return (
    <AllowedImageHostsContext value={allowedImageHosts ?? pageHosts}>
      <div className={className ? `chat-markdown ${className}` : "chat-markdown"}>
        {blocks.map((block, index) => (
          // Blocks only grow at the end, so a position keeps its block (and its memoised rendering).
          <MarkdownBlock key={index} text={block} />
        ))}
      </div>
    </AllowedImageHostsContext>
  );
});
