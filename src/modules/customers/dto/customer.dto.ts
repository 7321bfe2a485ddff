import { ApiProperty } from '@nestjs/swagger';
import { CUSTOMER_STATUSES, CustomerStatus } from '../entities/customer.entity';

export class AccessTokenDto {
  @ApiProperty({ example: '4A30966F684B0269AD91' }) authenticationCode: string;
  @ApiProperty({ nullable: true, type: String }) identifier: string | null;
  @ApiProperty({ example: 'effective' }) status: string;
  @ApiProperty({ description: 'Whether a pass code is set (the code itself is stored hashed)' }) hasPassCode: boolean;
}

export class CustomerDto {
  @ApiProperty({ example: '3f1c2a9e-6f7b-4c3e-9a51-0d5a7c3e2b11', description: 'Customer id (the CRM contact_id)' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '9803d32e-8fcd-4984-a736-9f02f726b3c0' }) guid: string | null;
  @ApiProperty({ nullable: true, type: String, example: '12345678' }) uniqId: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Digits without the leading +' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) info: string | null;
  @ApiProperty({ enum: CUSTOMER_STATUSES }) status: CustomerStatus;
  @ApiProperty({ nullable: true, type: String }) customerType1: string | null;
  @ApiProperty({ nullable: true, type: String }) customerType2: string | null;
  @ApiProperty({ nullable: true, type: String }) customerType3: string | null;
  @ApiProperty({ nullable: true, type: String }) customerType4: string | null;
  @ApiProperty({ nullable: true, type: String }) customerType5: string | null;
  @ApiProperty({ example: '/bonus/4f3c9a0e2b7d41c6a8e5f1d2c3b4a596', description: "The customer's bonus-window link" }) link: string;
  @ApiProperty({ example: '17', description: 'Bonus account id (= rewards participant id)' }) accountId: string;
  @ApiProperty({ type: String, nullable: true, example: 'ACR0000000077' }) accountNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'RP0000000010' }) participantNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) accountName: string | null;
  @ApiProperty({ example: '0.00' }) balance: string;
  @ApiProperty({ type: [AccessTokenDto] }) accessTokens: AccessTokenDto[];
  @ApiProperty() createdAt: Date;
}
