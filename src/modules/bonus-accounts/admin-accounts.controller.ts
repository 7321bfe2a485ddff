import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AdminGuard } from '../api-clients';
import { BonusAccountsService } from './bonus-accounts.service';
import { AccountDetailsDto, AdjustmentDto, AdjustmentResultDto } from './dto/account.dto';

@ApiTags('Admin: bonus accounts')
@ApiSecurity('api-key')
@UseGuards(AdminGuard)
@Controller('admin/accounts')
export class AdminAccountsController {
  constructor(private readonly accounts: BonusAccountsService) {}

  @Get(':number')
  @ApiOperation({ summary: 'An account by its number (ACR…): balance, live lots and the latest operations' })
  @ApiOkResponse({ type: AccountDetailsDto })
  get(@Param('number') number: string): Promise<AccountDetailsDto> {
    return this.accounts.getAccountDetails(number);
  }

  @Post(':number/adjustments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Adjust the balance by signed points; a negative adjustment cannot take it below zero (409 otherwise)' })
  @ApiOkResponse({ type: AdjustmentResultDto })
  adjust(@Param('number') number: string, @Body() dto: AdjustmentDto): Promise<AdjustmentResultDto> {
    return this.accounts.adjust(number, dto.points, dto.comment ?? null);
  }
}
