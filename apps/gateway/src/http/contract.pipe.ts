import { Injectable, PipeTransform } from '@nestjs/common';
import { validateInto } from '@pressconf/contracts';

/**
 * Validates a body, query or path against a class of `libs/contracts`: the same class the service validates
 * with, so the gateway refuses bad input before it travels, with the field named.
 */
@Injectable()
export class ContractPipe<T extends object> implements PipeTransform<unknown, Promise<T>> {
  constructor(
    private readonly type: new () => T,
    private readonly options: { forbidUnknown?: boolean } = {},
  ) {}

  transform(value: unknown): Promise<T> {
    return validateInto(this.type, value ?? {}, this.options);
  }
}

export const body = <T extends object>(type: new () => T) => new ContractPipe(type);
export const query = <T extends object>(type: new () => T) => new ContractPipe(type, { forbidUnknown: false });
