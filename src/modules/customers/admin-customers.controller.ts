import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AdminGuard } from '../api-clients';
import { CustomerAdminService } from './customer-admin.service';
import { CreateCustomerDto, FindCustomersQueryDto } from './dto/create-customer.dto';
import { CustomerDto } from './dto/customer.dto';

@ApiTags('Admin: customers')
@ApiSecurity('api-key')
@UseGuards(AdminGuard)
@Controller('admin/customers')
export class AdminCustomersController {
  constructor(private readonly customers: CustomerAdminService) {}

  @Post()
  @ApiOperation({ summary: 'Create a customer with its bonus account (numbers generated unless given) and access tokens (pass codes stored hashed)' })
  @ApiCreatedResponse({ type: CustomerDto })
  create(@Body() dto: CreateCustomerDto): Promise<CustomerDto> {
    return this.customers.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Find customers by uniqId, guid, phone or email (all given filters must match); the latest 100 without filters' })
  @ApiOkResponse({ type: [CustomerDto] })
  find(@Query() query: FindCustomersQueryDto): Promise<CustomerDto[]> {
    return this.customers.find(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A customer by id' })
  @ApiOkResponse({ type: CustomerDto })
  get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<CustomerDto> {
    return this.customers.getById(id);
  }
}
