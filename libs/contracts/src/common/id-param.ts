import { IsUUID } from 'class-validator';

/** The `{id}` of a path, validated the same way by the gateway and the services. */
export class IdParam {
  @IsUUID()
  id: string;
}
