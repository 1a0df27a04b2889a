/*
 * AWS Signature Version 4 for the console's requests, with two sources of SHA-256 and HMAC:
 * the browser's WebCrypto, which exists only on secure origins (https, localhost, 127.0.0.1), and a
 * small implementation of its own (FIPS 180-4 and RFC 2104) for a console opened over plain http
 * from another address. The secret never leaves the page: only the signature is sent.
 */
(function (global) {
  'use strict';

  const encoder = new TextEncoder();

  function utf8(text) {
    return encoder.encode(text);
  }

  function hex(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  // ---- SHA-256 and HMAC of our own ------------------------------------------------------------

  function firstPrimes(count) {
    const primes = [];
    for (let candidate = 2; primes.length < count; candidate++) {
      if (primes.every((p) => candidate % p !== 0)) {
        primes.push(candidate);
      }
    }
    return primes;
  }

  // The constants are the first 32 bits of the fractional parts of the cube roots (round
  // constants) and square roots (initial hash) of the first primes; doubles carry them exactly.
  const PRIMES = firstPrimes(64);
  const ROUND = Uint32Array.from(PRIMES, (p) => (Math.cbrt(p) % 1) * 4294967296);
  const INITIAL = Uint32Array.from(PRIMES.slice(0, 8), (p) => (Math.sqrt(p) % 1) * 4294967296);

  function rotr(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  function sha256(data) {
    const blocks = (data.length + 9 + 63) >>> 6;
    const padded = new Uint8Array(blocks * 64);
    padded.set(data);
    padded[data.length] = 0x80;
    const view = new DataView(padded.buffer);
    const bits = data.length * 8;
    view.setUint32(padded.length - 8, Math.floor(bits / 4294967296));
    view.setUint32(padded.length - 4, bits >>> 0);
    const h = INITIAL.slice();
    const w = new Uint32Array(64);
    for (let offset = 0; offset < padded.length; offset += 64) {
      for (let i = 0; i < 16; i++) {
        w[i] = view.getUint32(offset + 4 * i);
      }
      for (let i = 16; i < 64; i++) {
        const a = w[i - 15];
        const b = w[i - 2];
        w[i] = w[i - 16] + (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + w[i - 7] + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10));
      }
      let [a, b, c, d, e, f, g, k] = h;
      for (let i = 0; i < 64; i++) {
        const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + ROUND[i] + w[i]) >>> 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        k = g;
        g = f;
        f = e;
        e = (d + t1) >>> 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) >>> 0;
      }
      h[0] += a;
      h[1] += b;
      h[2] += c;
      h[3] += d;
      h[4] += e;
      h[5] += f;
      h[6] += g;
      h[7] += k;
    }
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) {
      outView.setUint32(4 * i, h[i]);
    }
    return out;
  }

  function hmac(key, message) {
    let block = key.length > 64 ? sha256(key) : key;
    const padded = new Uint8Array(64);
    padded.set(block);
    const inner = new Uint8Array(64 + message.length);
    const outer = new Uint8Array(64 + 32);
    for (let i = 0; i < 64; i++) {
      inner[i] = padded[i] ^ 0x36;
      outer[i] = padded[i] ^ 0x5c;
    }
    inner.set(message, 64);
    outer.set(sha256(inner), 64);
    return sha256(outer);
  }

  const portable = {
    name: 'built-in SHA-256 (this page is not a secure origin, so WebCrypto is unavailable)',
    sha256: async (data) => sha256(data),
    hmac: async (key, message) => hmac(key, message),
  };

  const webCrypto = global.crypto && global.crypto.subtle
    ? {
        name: 'WebCrypto',
        sha256: async (data) => new Uint8Array(await global.crypto.subtle.digest('SHA-256', data)),
        hmac: async (key, message) => {
          const imported = await global.crypto.subtle.importKey(
            'raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
          return new Uint8Array(await global.crypto.subtle.sign('HMAC', imported, message));
        },
      }
    : null;

  // ?signing=portable forces our own routines (tests use it to run them end to end).
  const forcePortable = new URLSearchParams(global.location.search).get('signing') === 'portable';
  const chosen = webCrypto && !forcePortable ? webCrypto : portable;

  /** 20261206T090000Z */
  function amzDate(now) {
    return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  }

  // The signing key depends only on the secret, the day and the region: derive it once a day.
  let derived = { crypto: null, secret: null, day: null, region: null, key: null };

  async function signingKey(crypto, secret, day, region) {
    const d = derived;
    if (d.crypto !== crypto || d.secret !== secret || d.day !== day || d.region !== region) {
      let key = await crypto.hmac(utf8('AWS4' + secret), utf8(day));
      key = await crypto.hmac(key, utf8(region));
      key = await crypto.hmac(key, utf8('dynamodb'));
      key = await crypto.hmac(key, utf8('aws4_request'));
      derived = { crypto, secret, day, region, key };
    }
    return derived.key;
  }

  /**
   * The headers that sign a DynamoDB JSON request: POST / on `host` with `target` and the exact
   * body bytes. The signed headers are host, x-amz-date and x-amz-target; the payload hash is
   * the body's, as the server computes it.
   */
  async function sign({ host, target, body, accessKeyId, secret, region, now }) {
    const crypto = chosen;
    const stamp = amzDate(now || new Date());
    const day = stamp.slice(0, 8);
    const signedHeaders = 'host;x-amz-date;x-amz-target';
    const canonical = ['POST', '/', '',
      'host:' + host, 'x-amz-date:' + stamp, 'x-amz-target:' + target, '',
      signedHeaders, hex(await crypto.sha256(body))].join('\n');
    const scope = [day, region, 'dynamodb', 'aws4_request'].join('/');
    const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, hex(await crypto.sha256(utf8(canonical)))].join('\n');
    const key = await signingKey(crypto, secret, day, region);
    const signature = hex(await crypto.hmac(key, utf8(stringToSign)));
    return {
      'X-Amz-Date': stamp,
      Authorization: 'AWS4-HMAC-SHA256 Credential=' + accessKeyId + '/' + scope
        + ', SignedHeaders=' + signedHeaders + ', Signature=' + signature,
    };
  }

  global.Sigv4 = { sign, utf8, hex, signing: chosen.name, portable, webCrypto };
})(window);
