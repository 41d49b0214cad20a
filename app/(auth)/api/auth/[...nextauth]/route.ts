import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { contextFromHeaders, requestContext } from "@/lib/auth/request-context";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  const nextAuth = NextAuth(authOptions());
  return requestContext.run(contextFromHeaders(request.headers), () => nextAuth(request, context));
}

export { handler as GET, handler as POST };
