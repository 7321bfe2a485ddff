import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenEntity } from './entities/access-token.entity';
import { CustomerMessageEntity } from './entities/customer-message.entity';
import { CustomerEntity } from './entities/customer.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity, AccessTokenEntity, CustomerMessageEntity])],
  providers: [],
  exports: [],
})
export class CustomersModule {}
