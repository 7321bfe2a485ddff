import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AppError, ErrorCode } from '../../common/errors';
import { ApiRestErrors } from '../../common/http/rest-error-responses';
import { BonusWindowService } from './bonus-window.service';
import { renderBonusWindow, renderWindowNotFound } from './domain/bonus-window-page';
import { BonusWindowDto } from './dto/bonus-window.dto';

/** The link token is the key: no API key here. Opening the window is the customer's authorisation. */
@ApiTags('Bonus window')
@ApiParam({ name: 'token', description: 'The link token from getCustomerLink' })
@Controller()
export class BonusWindowController {
  constructor(private readonly window: BonusWindowService) {}

  @Get('api/bonus-window/:token')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'openBonusWindow', summary: "The customer's bonus window as JSON (activates a new customer; shows each live message once more)", security: [] })
  @ApiOkResponse({ type: BonusWindowDto })
  @ApiRestErrors({ 400: '', 404: 'Bonus window not found', 503: '' })
  json(@Param('token') token: string): Promise<BonusWindowDto> {
    return this.window.open(token);
  }

  @Get('bonus/:token')
  @ApiOperation({ operationId: 'openBonusWindowPage', summary: "The customer's bonus window as a small HTML page (the link getCustomerLink returns)", security: [] })
  @ApiOkResponse({ description: 'The page', content: { 'text/html': { schema: { type: 'string' }, example: '<!doctype html><html lang="en">…</html>' } } })
  @ApiNotFoundResponse({ description: 'No customer has this link', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiRestErrors({ 400: '', 503: '' })
  async html(@Param('token') token: string, @Res() response: Response): Promise<void> {
    response.set({
      'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    try {
      response.type('html').send(renderBonusWindow(await this.window.open(token)));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== ErrorCode.NotFound) throw error;
      response.status(404).type('html').send(renderWindowNotFound());
    }
  }
}
