import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packText, unpackText } from '../../src/store/packed-text.js';

describe('packed story text', () => {
  it('packs story text into a buffer of its own, so handing it to another thread carries only the packed bytes', () => {
    const text = `${'Rescuers searched the flooded valley on Tuesday. '.repeat(60)}“We will not stop,” the mayor said.`;
    const packed = packText(text);
    assert.equal(packed.buffer.byteLength, packed.byteLength);
    assert.ok(packed.byteLength < Buffer.byteLength(text) / 4);
    assert.equal(unpackText(packed), text);
  });
});
