import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTE_ERRORS, ApiRestErrors } from '../../common/http/rest-error-responses';
import { AdminGuard } from '../api-clients';
import { BonusAccountsService } from './bonus-accounts.service';
import { AccountDetailsDto, AdjustmentDto, AdjustmentResultDto } from './dto/account.dto';

const NOT_FOUND = 'Account ACR9999999999 not found';

@ApiTags('Admin: bonus accounts')
@ApiSecurity('api-key')
@ApiRestErrors(ADMIN_ROUTE_ERRORS)
@ApiParam({ name: 'number', description: 'The account number (ACR + 10 digits)', example: 'ACR0000000077' })
@UseGuards(AdminGuard)
@Controller('admin/accounts')
export class AdminAccountsController {
  constructor(private readonly accounts: BonusAccountsService) {}

  @Get(':number')
  @ApiOperation({ operationId: 'getAccount', summary: 'An account by its number (ACR…): balance, live lots and the latest operations' })
  @ApiOkResponse({ type: AccountDetailsDto })
  @ApiRestErrors({ 404: NOT_FOUND })
  get(@Param('number') number: string): Promise<AccountDetailsDto> {
    return this.accounts.getAccountDetails(number);
  }

  @Post(':number/adjustments')
  @HttpCode(201)
  @ApiOperation({ operationId: 'adjustAccount', summary: 'Adjust the balance by signed points; a negative adjustment cannot take it below zero (409 otherwise)' })
  @ApiCreatedResponse({ type: AdjustmentResultDto })
  @ApiRestErrors({
    400: 'points must be a signed number with at most 2 decimals', 404: NOT_FOUND,
    409: 'Insufficient balance: 5.50 points available, 5.51 requested', 413: '',
  })
  adjust(@Param('number') number: string, @Body() dto: AdjustmentDto): Promise<AdjustmentResultDto> {
    return this.accounts.adjust(number, dto.points, dto.comment ?? null);
  }
}
