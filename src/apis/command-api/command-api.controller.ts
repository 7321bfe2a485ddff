import { applyDecorators, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, AuthenticatedClient, CurrentClient } from '../../modules/api-clients';
import { CommandDispatcher } from './command-dispatcher';
import { SEED_EXAMPLES } from './seed-examples';
import { COMMAND_ANSWER_SCHEMA, COMMAND_EXAMPLES, COMMAND_REQUEST_SCHEMA } from './wire/command-catalogue';

const failure = (status: number, description: string, example?: { summary: string; value: unknown }) =>
  ApiResponse({
    status,
    description,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/CommandApiError' },
        ...(example ? { examples: { [example.summary]: example } } : {}),
      },
    },
  });

/** Every status a command can fail with, each in the CommandApiError envelope. */
const CommandFailures = () =>
  applyDecorators(
    failure(400, 'wrongFormat (malformed body, a missing or empty item list), wrongParam, wrongData (bad items of loadCustomerEventsExt, listed in `errors`), unknownCommand', {
      summary: 'itemErrors', value: SEED_EXAMPLES.loadCustomerEventsExt.responses.itemErrors,
    }),
    failure(401, 'unauthorized: no or an unknown X-Api-Key'),
    failure(403, 'forbidden: an admin key, or a command outside the client\'s scopes (`command:<typeOfCommand>` or `command:*`)'),
    failure(409, 'notAllowed: a previous loadCustomerEventsExt of the client is still being processed', {
      summary: 'notAllowed', value: SEED_EXAMPLES.loadCustomerEventsExt.responses.notAllowed,
    }),
    failure(413, 'wrongFormat: the request body is too large'),
    failure(429, 'tooManyRequests: the client\'s rate limit is reached'),
    failure(500, 'internalError'),
    failure(503, 'serviceUnavailable: the database or the queue is unavailable; retry after Retry-After seconds'),
  );

@ApiTags('Command API')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('api/commands')
export class CommandApiController {
  constructor(private readonly dispatcher: CommandDispatcher) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'runCommand',
    summary: 'Run a command named by typeOfCommand',
    description:
      'One endpoint for every command: the body is one of the command requests, told apart by `typeOfCommand`; the 200 ' +
      'answer is that command\'s answer. Errors answer `{"status":"Failure","error":{"typeOfError","description"}}` (CommandApiError). ' +
      'Each command needs the client scope `command:<typeOfCommand>` or `command:*`.',
  })
  @ApiBody({ schema: COMMAND_REQUEST_SCHEMA, examples: COMMAND_EXAMPLES.requests })
  @ApiOkResponse({ description: 'The command answer', content: { 'application/json': { schema: COMMAND_ANSWER_SCHEMA, examples: COMMAND_EXAMPLES.responses } } })
  @CommandFailures()
  run(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient): Promise<Record<string, unknown>> {
    return this.dispatcher.dispatch(body, client);
  }
}
