import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AdminGuard } from '../api-clients';
import { CreateRewardRuleDto, EXAMPLE_RULE, RewardRuleDto, UpdateRewardRuleDto } from './dto/reward-rule.dto';
import { EXAMPLE_SIMULATION, SimulateRulesDto, SimulationDto } from './dto/simulate-rules.dto';
import { RuleAdminService } from './rule-admin.service';

@ApiTags('Admin: reward rules')
@ApiSecurity('api-key')
@UseGuards(AdminGuard)
@Controller('admin/rules')
export class RewardsRulesController {
  constructor(private readonly rules: RuleAdminService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a reward rule',
    description:
      'Rules run in priority order (higher first, then by id). Every matching rule awards unless a matching exclusive rule ' +
      'stops the rest. Validity and daysOfWeek use the event’s date (UTC). Limits cap each award at the room left; the ' +
      'per-customer limits count per receiving account and UTC day/month. Numbers may be JSON numbers or decimal strings.',
  })
  @ApiBody({ type: CreateRewardRuleDto, examples: { 'SPEC §6 example': { value: EXAMPLE_RULE } } })
  create(@Body() dto: CreateRewardRuleDto): Promise<RewardRuleDto> {
    return this.rules.create(dto);
  }

  @Post('simulate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run: the rules that match an event and the points they would award now; nothing is written' })
  @ApiBody({ type: SimulateRulesDto, examples: { 'A Saturday purchase of 100 at TSUM': { value: EXAMPLE_SIMULATION } } })
  @ApiOkResponse({ type: SimulationDto })
  simulate(@Body() dto: SimulateRulesDto): Promise<SimulationDto> {
    return this.rules.simulate(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the rules (deleted ones are not shown)' })
  @ApiOkResponse({ type: [RewardRuleDto] })
  list(): Promise<RewardRuleDto[]> {
    return this.rules.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rule' })
  @ApiOkResponse({ type: RewardRuleDto })
  get(@Param('id') id: string): Promise<RewardRuleDto> {
    return this.rules.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a rule: the fields given replace the stored ones (null clears validFrom, validTo, limits, expiresInDays)' })
  @ApiBody({ type: UpdateRewardRuleDto, examples: { 'End the campaign': { value: { validTo: '2025-12-31T23:59:59Z' } } } })
  @ApiOkResponse({ type: RewardRuleDto })
  update(@Param('id') id: string, @Body() dto: UpdateRewardRuleDto): Promise<RewardRuleDto> {
    return this.rules.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rule: it stops applying; operations it made keep naming it' })
  @ApiNoContentResponse()
  remove(@Param('id') id: string): Promise<void> {
    return this.rules.remove(id);
  }
}
