import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTE_ERRORS, ApiRestErrors } from '../../common/http/rest-error-responses';
import { AdminGuard } from '../api-clients';
import { CreateRewardRuleDto, EXAMPLE_RULE, RewardRuleDto, UpdateRewardRuleDto } from './dto/reward-rule.dto';
import { EXAMPLE_SIMULATION, SimulateRulesDto, SimulationDto } from './dto/simulate-rules.dto';
import { RuleAdminService } from './rule-admin.service';

const NOT_FOUND = 'No rule with id 5';
const INVALID_RULE = 'validTo must be after validFrom; when.daysOfWeek[0] must be an ISO day of the week: 1 = Monday … 7 = Sunday';

@ApiTags('Admin: reward rules')
@ApiSecurity('api-key')
@ApiRestErrors(ADMIN_ROUTE_ERRORS)
@UseGuards(AdminGuard)
@Controller('admin/rules')
export class RewardsRulesController {
  constructor(private readonly rules: RuleAdminService) {}

  @Post()
  @ApiOperation({
    operationId: 'createRule',
    summary: 'Create a reward rule',
    description:
      'Rules run in priority order (higher first, then by id). Every matching rule awards unless a matching exclusive rule ' +
      'stops the rest. Validity and daysOfWeek use the event’s date (UTC). Limits cap each award at the room left; the ' +
      'per-customer limits count per receiving account and UTC day/month. Numbers may be JSON numbers or decimal strings.',
  })
  @ApiBody({ type: CreateRewardRuleDto, examples: { 'SPEC §6 example': { value: EXAMPLE_RULE } } })
  @ApiCreatedResponse({ type: RewardRuleDto })
  @ApiRestErrors({ 400: INVALID_RULE, 413: '' })
  create(@Body() dto: CreateRewardRuleDto): Promise<RewardRuleDto> {
    return this.rules.create(dto);
  }

  @Post('simulate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'simulateRules', summary: 'Dry run: the rules that match an event and the points they would award now; nothing is written' })
  @ApiBody({ type: SimulateRulesDto, examples: { 'A Saturday purchase of 100 at TSUM': { value: EXAMPLE_SIMULATION } } })
  @ApiOkResponse({ type: SimulationDto })
  @ApiRestErrors({ 400: 'event.merchantId is not a field of an event; accountId must be a bonus account id (a positive integer)', 413: '' })
  simulate(@Body() dto: SimulateRulesDto): Promise<SimulationDto> {
    return this.rules.simulate(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listRules', summary: 'List the rules (deleted ones are not shown)' })
  @ApiOkResponse({ type: [RewardRuleDto] })
  list(): Promise<RewardRuleDto[]> {
    return this.rules.list();
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getRule', summary: 'One rule' })
  @ApiParam({ name: 'id', description: 'The rule id', example: '1' })
  @ApiOkResponse({ type: RewardRuleDto })
  @ApiRestErrors({ 404: NOT_FOUND })
  get(@Param('id') id: string): Promise<RewardRuleDto> {
    return this.rules.get(id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateRule', summary: 'Change a rule: the fields given replace the stored ones (null clears validFrom, validTo, limits, expiresInDays)' })
  @ApiBody({ type: UpdateRewardRuleDto, examples: { 'End the campaign': { value: { validTo: '2025-12-31T23:59:59Z' } } } })
  @ApiParam({ name: 'id', description: 'The rule id', example: '1' })
  @ApiOkResponse({ type: RewardRuleDto })
  @ApiRestErrors({ 400: INVALID_RULE, 404: NOT_FOUND, 413: '' })
  update(@Param('id') id: string, @Body() dto: UpdateRewardRuleDto): Promise<RewardRuleDto> {
    return this.rules.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteRule', summary: 'Delete a rule: it stops applying; operations it made keep naming it' })
  @ApiParam({ name: 'id', description: 'The rule id', example: '1' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiRestErrors({ 404: NOT_FOUND })
  remove(@Param('id') id: string): Promise<void> {
    return this.rules.remove(id);
  }
}
