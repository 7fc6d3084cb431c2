// Browser-side half of the test transport: `window.desk` over HTTP, built with the same
// buildDesk() as the Electron preload, plus `window.deskHost` with upload/download for files.
import { buildDesk } from '../../shared/desk-client';

const post = async (path: string, body: BodyInit, contentType: string): Promise<unknown> => {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    credentials: 'same-origin',
  });
  return res.json();
};

const w = window as unknown as Record<string, unknown>;
w.desk = buildDesk(
  (channel, input) =>
    post('./api', JSON.stringify({ channel, input }), 'application/json') as ReturnType<
      Parameters<typeof buildDesk>[0]
    >,
);
w.deskHost = {
  kind: 'browser',
  async upload(file: File) {
    const r = (await post(
      `./upload?name=${encodeURIComponent(file.name)}`,
      file,
      'application/octet-stream',
    )) as {
      ok: boolean;
      data?: unknown;
      message?: string;
    };
    if (!r.ok) throw new Error(r.message ?? 'upload failed');
    return r.data;
  },
};
