"use client";

import { ArrowDown, ArrowUp, Ellipsis, Eye, FlaskConical, Pencil } from "lucide-react";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import type { AdminModel } from "@/lib/models/admin-models";
import { ModelBadges } from "./model-badges";
import { accessText, endpointHost, priceText, providerLabel } from "./model-format";
import { ModelTestOutcome } from "./model-test-outcome";
import { useModelTest } from "./use-model-test";

export type RowAction = { type: "move"; direction: "up" | "down" } | { type: "enable"; enabled: boolean } | { type: "default" } | { type: "delete" };

type ModelRowProps = {
  model: AdminModel;
  canMoveUp: boolean;
  canMoveDown: boolean;
  busy: boolean;
  onAction: (model: AdminModel, action: RowAction) => void;
};

const tokens = new Intl.NumberFormat("en");

function limitsText(model: AdminModel): string | null {
  const { contextWindow, maxOutputTokens } = model.defaults;
  const parts = [contextWindow && `${tokens.format(contextWindow)} context`, maxOutputTokens && `${tokens.format(maxOutputTokens)} max output`].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

/** One model in the list: what it is, who may use it, what it costs, and what an admin can do with it. */
export function ModelRow({ model, canMoveUp, canMoveDown, busy, onAction }: ModelRowProps) {
  const test = useModelTest(model.id);
  const editable = !model.managedByFile;
  const limits = limitsText(model);
  return (
    <li className="px-4 py-4 sm:px-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={`model-${model.id}-name`} className="text-[15px] font-semibold tracking-tight">
              {model.name}
            </h2>
            <ModelBadges model={model} />
          </div>
          <p className="mt-1 truncate text-sm text-muted-foreground">
            {providerLabel(model.provider)} · <span className="font-mono text-[13px]">{endpointHost(model.endpoint)}</span> ·{" "}
            <span className="font-mono text-[13px]">{model.id}</span>
          </p>
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-[13px]">
            <div className="flex gap-1.5">
              <dt className="text-muted-foreground">Access</dt>
              <dd>{accessText(model)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-muted-foreground">Prices</dt>
              <dd>{priceText(model)}</dd>
            </div>
            {limits ? (
              <div className="flex gap-1.5">
                <dt className="text-muted-foreground">Limits</dt>
                <dd>{limits}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-1.5">
          {busy ? <Spinner className="mr-1 text-muted-foreground" /> : null}
          {editable ? (
            <>
              <Button
                variant="ghost"
                size="sm"
                className="px-2"
                aria-label={`Move ${model.name} up`}
                disabled={!canMoveUp || busy}
                onClick={() => onAction(model, { type: "move", direction: "up" })}
              >
                <ArrowUp aria-hidden="true" />
              </Button>
              <Button
                variant="ghost"
                size="sm"
                className="px-2"
                aria-label={`Move ${model.name} down`}
                disabled={!canMoveDown || busy}
                onClick={() => onAction(model, { type: "move", direction: "down" })}
              >
                <ArrowDown aria-hidden="true" />
              </Button>
            </>
          ) : null}
          <Button variant="secondary" size="sm" aria-label={`Test ${model.name}`} disabled={test.state.status === "running"} onClick={() => void test.run()}>
            {test.state.status === "running" ? <Spinner /> : <FlaskConical aria-hidden="true" />}
            Test
          </Button>
          <Link
            href={`/admin/models/${model.id}`}
            aria-label={`${editable ? "Edit" : "View"} ${model.name}`}
            className={buttonClasses({ variant: "secondary", size: "sm" })}
          >
            {editable ? <Pencil aria-hidden="true" /> : <Eye aria-hidden="true" />}
            {editable ? "Edit" : "View"}
          </Link>
          {editable ? (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="sm" className="px-2" aria-label={`More actions for ${model.name}`} disabled={busy}>
                  <Ellipsis aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                {model.isDefault ? null : (
                  <DropdownMenuItem disabled={!model.enabled} onSelect={() => onAction(model, { type: "default" })}>
                    Make default
                  </DropdownMenuItem>
                )}
                <DropdownMenuItem onSelect={() => onAction(model, { type: "enable", enabled: !model.enabled })}>
                  {model.enabled ? "Disable" : "Enable"}
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem className="text-destructive focus:text-destructive" onSelect={() => onAction(model, { type: "delete" })}>
                  Delete…
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          ) : null}
        </div>
      </div>
      <ModelTestOutcome state={test.state} modelName={model.name} />
    </li>
  );
}
