import { Module } from '@nestjs/common';
import { CrmLoginController } from './crm-login.controller';

@Module({
  imports: [],
  controllers: [CrmLoginController],
  providers: [],
})
export class CrmApiModule {}
