import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProviderApplication } from '@smec/schemas';
import {
  changeNotes,
  openObjectionsOf,
  reasonFits,
  refusedField,
} from '../../src/components/center-workbench/review-values.js';

describe('the center’s review of an application', () => {
  it('sends the notes of the fields that have one, trimmed, in the application’s order', () => {
    const notes = new Map([
      ['files.licence', '  营业执照不清晰  '],
      ['organisation.name', '与执照不符'],
      ['scope.staff', '   '],
    ]);
    assert.deepEqual(changeNotes(notes), [
      { field: 'organisation.name', note: '与执照不符' },
      { field: 'files.licence', note: '营业执照不清晰' },
    ]);
    assert.deepEqual(changeNotes(new Map()), []);
  });

  it('takes a reason of 2 to 200 characters once trimmed', () => {
    assert.equal(reasonFits(' 好 '), false);
    assert.equal(reasonFits('不符'), true);
    assert.equal(reasonFits('理'.repeat(200)), true);
    assert.equal(reasonFits('理'.repeat(201)), false);
  });

  it('puts a refusal next to the field its path names', () => {
    const sent = [
      { field: 'organisation.name', note: 'a' },
      { field: 'files.licence', note: 'b' },
    ] as const;
    assert.equal(refusedField('body.notes.1.note', sent), 'files.licence');
    assert.equal(refusedField('body.notes', sent), 'notes');
    assert.equal(refusedField('body.reason', sent), 'reason');
    assert.equal(refusedField('body.note', sent), 'note');
    assert.equal(refusedField('body.objectionId', sent), undefined);
  });

  it('counts only the objections still open', () => {
    const objection = (id: string, status: 'open' | 'dismissed') => ({
      id,
      name: '赵先生',
      reason: '理由',
      status,
      note: null,
      createdAt: '2026-12-01T00:00:00Z',
      decidedAt: null,
    });
    const application = { objections: [objection('a', 'open'), objection('b', 'dismissed')] } as ProviderApplication;
    assert.deepEqual(
      openObjectionsOf(application).map((each) => each.id),
      ['a'],
    );
    assert.deepEqual(openObjectionsOf({} as ProviderApplication), []);
  });
});
