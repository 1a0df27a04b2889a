/*
 * The console's DynamoDB client: the same JSON 1.0 API every SDK uses (POST / with X-Amz-Target),
 * signed with SigV4, on the page's own origin. Plus the conversions between DynamoDB's typed JSON
 * ({"S": "text"}) and plain JSON ("text"), and the check of a typed item before it is sent.
 */
(function (global) {
  'use strict';

  const REGION = 'us-east-1';
  const STORE = 'restmachine-console-key';
  // Without --require-auth the server checks no signature, but still wants a signed request
  // (as DynamoDB Local does): any key does.
  const ANONYMOUS = { accessKeyId: 'console', secret: 'console', anonymous: true };
  const AUTH_ERRORS = new Set(['MissingAuthenticationTokenException', 'UnrecognizedClientException',
    'InvalidSignatureException', 'IncompleteSignatureException', 'AccessDeniedException']);

  class DynamoError extends Error {
    constructor(type, message, status) {
      super(message);
      this.type = type;
      this.status = status;
    }

    get authentication() {
      return AUTH_ERRORS.has(this.type);
    }

    toString() {
      return this.type + ': ' + this.message;
    }
  }

  function storedKey() {
    try {
      const stored = JSON.parse(global.sessionStorage.getItem(STORE) || 'null');
      return stored && stored.accessKeyId && stored.secret ? stored : ANONYMOUS;
    } catch (e) {
      return ANONYMOUS;
    }
  }

  let key = storedKey();

  /** Calls `operation` (e.g. 'ListTables') with `payload`; resolves to the answer or throws a DynamoError. */
  async function call(operation, payload) {
    const target = 'DynamoDB_20120810.' + operation;
    const body = global.Sigv4.utf8(JSON.stringify(payload || {}));
    const signed = await global.Sigv4.sign({
      host: global.location.host, target, body,
      accessKeyId: key.accessKeyId, secret: key.secret, region: REGION,
    });
    let response;
    try {
      response = await fetch('/', {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': target }, signed),
        body,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      throw new DynamoError('NetworkError', 'the server did not answer (' + e.message + '); is it still running?', 0);
    }
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : {};
    } catch (e) {
      throw new DynamoError('HTTP ' + response.status, text.slice(0, 300), response.status);
    }
    if (!response.ok) {
      const type = String(json.__type || 'HTTP ' + response.status).replace(/^.*#/, '');
      throw new DynamoError(type, json.message || json.Message || '', response.status);
    }
    return json;
  }

  const auth = {
    get current() {
      return key;
    },
    use(accessKeyId, secret) {
      key = { accessKeyId, secret };
      global.sessionStorage.setItem(STORE, JSON.stringify(key));
    },
    forget() {
      key = ANONYMOUS;
      global.sessionStorage.removeItem(STORE);
    },
  };

  // ---- typed and plain JSON ---------------------------------------------------------------------

  const TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'];

  function number(text) {
    const value = Number(text);
    // Plain JSON shows a number as a number only where a JavaScript number keeps it exactly.
    return Number.isFinite(value) && String(value) === text.replace(/^\+/, '') ? value : text;
  }

  /** One typed value as plain JSON: numbers as numbers where exact, binary as base64, sets as arrays. */
  function plainValue(value) {
    const type = Object.keys(value)[0];
    const content = value[type];
    switch (type) {
      case 'N': return number(content);
      case 'NS': return content.map(number);
      case 'NULL': return null;
      case 'M': return plainItem(content);
      case 'L': return content.map(plainValue);
      default: return content;
    }
  }

  function plainItem(item) {
    const out = {};
    for (const name of Object.keys(item)) {
      out[name] = plainValue(item[name]);
    }
    return out;
  }

  /** Plain JSON as typed values: strings S, numbers N, booleans BOOL, null NULL, arrays L, objects M. */
  function typedValue(value, path) {
    if (value === null) return { NULL: true };
    if (typeof value === 'string') return { S: value };
    if (typeof value === 'number') return { N: String(value) };
    if (typeof value === 'boolean') return { BOOL: value };
    if (Array.isArray(value)) return { L: value.map((v, i) => typedValue(v, path + '[' + i + ']')) };
    if (typeof value === 'object') return { M: typedItem(value, path + '.') };
    throw new Error(path + ': cannot store a ' + typeof value);
  }

  function typedItem(object, prefix) {
    const out = {};
    for (const name of Object.keys(object)) {
      out[name] = typedValue(object[name], (prefix || '') + name);
    }
    return out;
  }

  /**
   * The problems of a typed item, each naming the attribute: every value must be an object with
   * exactly one of DynamoDB's type names. Empty when it may be sent (the server checks the rest).
   */
  function typedProblems(item) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return ['an item is a JSON object of attributes, e.g. {"pk": {"S": "USER#1"}}'];
    }
    const problems = [];
    const check = (value, path) => {
      const keys = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
      if (keys.length !== 1 || !TYPES.includes(keys[0])) {
        problems.push('attribute ' + path + ': expected a typed value such as {"S": "text"} or {"N": "1"} (one of '
          + TYPES.join(', ') + '), got ' + JSON.stringify(value)
          + '; choose "Plain JSON" above to write plain values');
        return;
      }
      const content = value[keys[0]];
      if (keys[0] === 'M' && content && typeof content === 'object') {
        Object.keys(content).forEach((name) => check(content[name], path + '.' + name));
      } else if (keys[0] === 'L' && Array.isArray(content)) {
        content.forEach((entry, i) => check(entry, path + '[' + i + ']'));
      }
    };
    Object.keys(item).forEach((name) => check(item[name], name));
    return problems;
  }

  global.Dynamo = {
    call, auth, DynamoError, REGION,
    plainItem, plainValue, typedItem, typedProblems,
  };
})(window);
