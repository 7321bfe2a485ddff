import { Body, Controller, Get, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTE_ERRORS, ApiRestErrors } from '../../common/http/rest-error-responses';
import { AdminGuard } from '../api-clients';
import { DIRECTORY_KINDS } from './directory-kinds';
import { DirectoriesService } from './directories.service';
import {
  CreateDirectoryEntryDto, DirectoryEntryDto, DirectoryPolicyDto, DirectoryPolicyResultDto, UpdateDirectoryEntryDto,
} from './dto/directory-entry.dto';

const UNKNOWN_KIND = 'Unknown directory kind planet';

@ApiTags('Admin: directories')
@ApiSecurity('api-key')
@ApiRestErrors(ADMIN_ROUTE_ERRORS)
@ApiParam({ name: 'kind', enum: DIRECTORY_KINDS, description: 'The kind of reference data; another value answers 404' })
@UseGuards(AdminGuard)
@Controller('admin/directories/:kind')
export class DirectoriesController {
  constructor(private readonly directories: DirectoriesService) {}

  @Post()
  @ApiOperation({ operationId: 'createDirectoryEntry', summary: 'Add an entry (merchant, unit, classification, product, …)' })
  @ApiCreatedResponse({ type: DirectoryEntryDto })
  @ApiRestErrors({
    400: 'No merchant entry with code MERCHANT1 to be the parent', 404: UNKNOWN_KIND,
    409: 'A businessUnit entry with code EK123456 already exists', 413: '',
  })
  create(@Param('kind') kind: string, @Body() dto: CreateDirectoryEntryDto): Promise<DirectoryEntryDto> {
    return this.directories.create(kind, dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listDirectoryEntries', summary: 'List the entries of a kind' })
  @ApiOkResponse({ type: [DirectoryEntryDto] })
  @ApiRestErrors({ 404: UNKNOWN_KIND })
  list(@Param('kind') kind: string): Promise<DirectoryEntryDto[]> {
    return this.directories.list(kind);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateDirectoryEntry', summary: 'Change an entry' })
  @ApiOkResponse({ type: DirectoryEntryDto })
  @ApiRestErrors({
    400: 'code should not be empty', 404: 'No merchant entry with id 12',
    409: 'A merchant entry with code EK123456 already exists', 413: '',
  })
  update(@Param('kind') kind: string, @Param('id') id: string, @Body() dto: UpdateDirectoryEntryDto): Promise<DirectoryEntryDto> {
    return this.directories.update(kind, id, dto);
  }

  @Put('policy')
  @ApiOperation({ operationId: 'setDirectoryPolicy', summary: 'Open or close a kind: closed kinds reject unknown values instead of registering them' })
  @ApiOkResponse({ type: DirectoryPolicyResultDto })
  @ApiRestErrors({ 400: 'closed must be a boolean value', 404: UNKNOWN_KIND, 413: '' })
  setPolicy(@Param('kind') kind: string, @Body() dto: DirectoryPolicyDto): Promise<DirectoryPolicyResultDto> {
    return this.directories.setPolicy(kind, dto.closed);
  }
}
