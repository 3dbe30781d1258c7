// The constant evaluator recognises every spelling of SIO_LOOPBACK_FAST_PATH and nothing near it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAST_PATH_VALUE, evaluateConstant, isFastPathValue } from '../src/facts/code-constant.js';

test('spellings of the code evaluate to 0x98000010', () => {
  for (const text of [
    'SIO_LOOPBACK_FAST_PATH',
    '0x98000010',
    '0X98000010UL',
    '2550136848',
    '2550136848u',
    '-1744830448',
    '- 1744830448',
    '_WSAIOW(IOC_VENDOR, 16)',
    '_WSAIOW(IOC_VENDOR,0x10)',
    '(DWORD)_WSAIOW(IOC_VENDOR, 16)',
    'IOC_IN | IOC_VENDOR | 16',
    '(IOC_IN|IOC_VENDOR|(16))',
    '0x80000000 | 0x18000000 | 0x10',
  ]) {
    assert.equal(evaluateConstant(text), FAST_PATH_VALUE, text);
  }
});

test('near misses do not', () => {
  for (const text of [
    '0x98000011',
    '0x98000001',
    '_WSAIOW(IOC_VENDOR, 17)',
    '_WSAIOR(IOC_VENDOR, 16)',
    '_WSAIOW(IOC_WS2, 16)',
    'SIO_RCVALL',
    '98000010',
    '-1744830447',
  ]) {
    assert.equal(isFastPathValue(text), false, text);
  }
});

test('aliases are looked up by name', () => {
  const names = new Map([['kFastPath', FAST_PATH_VALUE]]);
  assert.equal(isFastPathValue('kFastPath', names), true);
  assert.equal(isFastPathValue('(DWORD)kFastPath', names), true);
  assert.equal(isFastPathValue('kOther', names), false);
});

test('malformed and huge expressions are not constants', () => {
  for (const text of ['', '(', '0x98000010 +', '_WSAIOW(IOC_VENDOR)', 'a ? b : c', '"0x98000010"', 'x'.repeat(400)]) {
    assert.equal(evaluateConstant(text), undefined, JSON.stringify(text.slice(0, 20)));
  }
});
