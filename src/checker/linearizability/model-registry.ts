import { assertNever } from '../../core/assert.js';
import type { AnyLinearizabilityModel, ModelName, ModelOptions } from './model.js';
import { createCounterModel } from './models/counter-model.js';
import { createKvModel } from './models/kv-model.js';
import { createMultiRegisterModel } from './models/multi-register-model.js';
import { createRegisterModel } from './models/register-model.js';
import { createSetModel } from './models/set-model.js';

/** A fresh model instance (models intern values, so one per check). */
export function createModel(name: ModelName, options: ModelOptions): AnyLinearizabilityModel {
  switch (name) {
    case 'register':
    case 'cas-register':
      return createRegisterModel(name, options);
    case 'kv':
      return createKvModel(options);
    case 'counter':
      return createCounterModel(options);
    case 'set':
      return createSetModel(options);
    case 'multi-register':
      return createMultiRegisterModel(options);
    default:
      return assertNever(name, 'a known linearizability model');
  }
}
