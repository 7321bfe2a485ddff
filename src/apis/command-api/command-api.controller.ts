import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedClient } from '../../modules/api-clients/authenticated-client';
import { ApiKeyGuard } from '../../modules/api-clients/guards/api-key.guard';
import { CurrentClient } from '../../modules/api-clients/guards/current-client.decorator';
import { CommandDispatcher } from './command-dispatcher';
import { COMMAND_EXAMPLES } from './command-examples';

@ApiTags('Command API')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('api/commands')
export class CommandApiController {
  constructor(private readonly dispatcher: CommandDispatcher) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a command named by typeOfCommand',
    description:
      'One endpoint for every command. Errors answer `{"status":"Failure","error":{"typeOfError","description"}}` ' +
      'with HTTP 400 (wrongFormat, wrongParam, wrongData, unknownCommand), 401 (unauthorized), 403 (forbidden: an admin key, ' +
      'or a command outside the client\'s scopes: each command needs `command:<typeOfCommand>` or `command:*`), 409 (notAllowed), 413.',
  })
  @ApiBody({ schema: { type: 'object', required: ['typeOfCommand'], properties: { typeOfCommand: { type: 'string' } } }, examples: COMMAND_EXAMPLES.requests })
  @ApiOkResponse({ description: 'The command answer', content: { 'application/json': { examples: COMMAND_EXAMPLES.responses } } })
  run(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient): Promise<Record<string, unknown>> {
    return this.dispatcher.dispatch(body, client);
  }
}
