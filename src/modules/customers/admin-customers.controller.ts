import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTE_ERRORS, ApiRestErrors } from '../../common/http/rest-error-responses';
import { AdminGuard } from '../api-clients';
import { CustomerAdminService } from './customer-admin.service';
import { CreateCustomerDto, FindCustomersQueryDto } from './dto/create-customer.dto';
import { CustomerDto } from './dto/customer.dto';

@ApiTags('Admin: customers')
@ApiSecurity('api-key')
@ApiRestErrors(ADMIN_ROUTE_ERRORS)
@UseGuards(AdminGuard)
@Controller('admin/customers')
export class AdminCustomersController {
  constructor(private readonly customers: CustomerAdminService) {}

  @Post()
  @ApiOperation({
    operationId: 'createCustomer',
    summary: 'Create a customer with its bonus account (numbers generated unless given) and access tokens (pass codes stored hashed)',
  })
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiRestErrors({ 400: 'accountNumber must be ACR followed by 10 digits', 409: 'uniqId 12345678 belongs to another customer', 413: '' })
  create(@Body() dto: CreateCustomerDto): Promise<CustomerDto> {
    return this.customers.create(dto);
  }

  @Get()
  @ApiOperation({
    operationId: 'findCustomers',
    summary: 'Find customers by uniqId, guid, phone or email (all given filters must match); the latest 100 without filters',
  })
  @ApiOkResponse({ type: [CustomerDto] })
  @ApiRestErrors({ 400: 'phone must be a string' })
  find(@Query() query: FindCustomersQueryDto): Promise<CustomerDto[]> {
    return this.customers.find(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getCustomer', summary: 'A customer by id' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The customer id (a version 4 UUID)', example: '3f1c2a9e-6f7b-4c3e-9a51-0d5a7c3e2b11' })
  @ApiOkResponse({ type: CustomerDto })
  @ApiRestErrors({ 400: 'Validation failed (uuid v4 is expected)', 404: 'Customer 3f1c2a9e-6f7b-4c3e-9a51-0d5a7c3e2b11 not found' })
  get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<CustomerDto> {
    return this.customers.getById(id);
  }
}
