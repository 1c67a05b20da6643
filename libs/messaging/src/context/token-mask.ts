// Free of imports: the tracing entry uses it before the instrumented modules load.

/** RSVP tokens are credentials: they never reach the logs (the API's and the invitee page's paths, `token=`). */
export function maskTokens(url: string | undefined): string | undefined {
  return url
    ?.replace(/(\/invitations\/)[^/?#]+/, '$1***')
    .replace(/(\/moi\/)(?!assets\/)[^/?#]+/, '$1***')
    .replace(/([?&]token=)[^&#]*/gi, '$1***');
}
