import { Body, Controller, Get, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AdminGuard } from '../api-clients';
import { DIRECTORY_KINDS } from './directory-kinds';
import { DirectoriesService } from './directories.service';
import { CreateDirectoryEntryDto, DirectoryEntryDto, DirectoryPolicyDto, UpdateDirectoryEntryDto } from './dto/directory-entry.dto';

@ApiTags('Admin: directories')
@ApiSecurity('api-key')
@ApiParam({ name: 'kind', enum: DIRECTORY_KINDS })
@UseGuards(AdminGuard)
@Controller('admin/directories/:kind')
export class DirectoriesController {
  constructor(private readonly directories: DirectoriesService) {}

  @Post()
  @ApiOperation({ summary: 'Add an entry (merchant, unit, classification, product, …)' })
  create(@Param('kind') kind: string, @Body() dto: CreateDirectoryEntryDto): Promise<DirectoryEntryDto> {
    return this.directories.create(kind, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the entries of a kind' })
  list(@Param('kind') kind: string): Promise<DirectoryEntryDto[]> {
    return this.directories.list(kind);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an entry' })
  update(@Param('kind') kind: string, @Param('id') id: string, @Body() dto: UpdateDirectoryEntryDto): Promise<DirectoryEntryDto> {
    return this.directories.update(kind, id, dto);
  }

  @Put('policy')
  @ApiOperation({ summary: 'Open or close a kind: closed kinds reject unknown values instead of registering them' })
  setPolicy(@Param('kind') kind: string, @Body() dto: DirectoryPolicyDto): Promise<{ kind: string; closed: boolean }> {
    return this.directories.setPolicy(kind, dto.closed);
  }
}
