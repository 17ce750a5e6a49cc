import http from 'node:http';

/** PUT with the path sent exactly as written (no URL normalisation of "../"). */
export function rawPut(
  url: string,
  key: string,
  body = 'evil',
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  const pathAsIs = url.slice(url.indexOf('/', url.indexOf('//') + 2));
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname,
        port,
        path: pathAsIs,
        method: 'PUT',
        headers: { authorization: `Bearer ${key}`, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
