"use client";

import { ChevronUp } from "lucide-react";
import { Button } from "@/components/ui/button";

const countFormat = new Intl.NumberFormat("en");

/** Above the messages of a long conversation: the earlier ones are rendered only on request. */
export function EarlierMessages({ count, onShow }: { count: number; onShow: () => void }) {
  return (
    <div className="flex justify-center">
      <Button variant="secondary" size="sm" onClick={onShow}>
        <ChevronUp aria-hidden="true" />
        Show earlier messages
        <span className="text-muted-foreground">({countFormat.format(count)})</span>
      </Button>
    </div>
  );
}
