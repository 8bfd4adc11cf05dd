// Filters (search) and conditions (rule predicates) of admin-api.md §15.2, shared by every
// admin resolver (flows, screens, logs; 4b's predicate inputs reuse the operator enums).
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

// Enum values are the REST codes, so converting to the wire is the identity (§15.1).
export enum TextOperator {
  EQ = 'eq', NEQ = 'neq', IEQ = 'ieq', INEQ = 'ineq', GT = 'gt', GTE = 'gte', LT = 'lt', LTE = 'lte', ILIKE = 'ilike',
}
export enum ComparisonOperator {
  EQ = 'eq', NEQ = 'neq', GT = 'gt', GTN = 'gtn', GTE = 'gte', GTEN = 'gten', LT = 'lt', LTN = 'ltn', LTE = 'lte', LTEN = 'lten',
  BT = 'bt', BTN = 'btn', BTE = 'bte', BTEN = 'bten', OUT = 'out', OUTN = 'outn', OUTE = 'oute', OUTEN = 'outen',
}
export enum BooleanOperator { EQ = 'eq', NEQ = 'neq' }
export enum BitFieldMutator { AND = 'and', OR = 'or', XOR = 'xor' }
export enum SortDirection { ASC = 'asc', DESC = 'desc' }

registerEnumType(TextOperator, { name: 'TextOperator', description: 'Text filter operators (REST codes upper-cased).' });
registerEnumType(ComparisonOperator, { name: 'ComparisonOperator', description: 'Number filter operators; the eight range operators (BT…OUTEN) use lower and upper.' });
registerEnumType(BooleanOperator, { name: 'BooleanOperator' });
registerEnumType(BitFieldMutator, { name: 'BitFieldMutator', description: 'Bitwise operation applied to the column before the comparison.' });
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType('TextFilter', { description: 'Compares a text column; value null means NULL (eq: IS NULL, neq: IS NOT NULL).' })
export class TextFilterInput {
  @Field(() => TextOperator)
  op!: TextOperator;

  @Field(() => String, { nullable: true })
  value?: string | null;
}

@InputType('NumberFilter', { description: 'Scalar operators use value; the eight range operators use lower and upper.' })
export class NumberFilterInput {
  @Field(() => ComparisonOperator)
  op!: ComparisonOperator;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => Float, { nullable: true })
  lower?: number | null;

  @Field(() => Float, { nullable: true })
  upper?: number | null;
}

@InputType('IntFilter', { description: 'As NumberFilter, on an integer column.' })
export class IntFilterInput {
  @Field(() => ComparisonOperator)
  op!: ComparisonOperator;

  @Field(() => Int, { nullable: true })
  value?: number | null;

  @Field(() => Int, { nullable: true })
  lower?: number | null;

  @Field(() => Int, { nullable: true })
  upper?: number | null;
}

@InputType('BooleanFilter')
export class BooleanFilterInput {
  @Field(() => BooleanOperator)
  op!: BooleanOperator;

  @Field(() => Boolean, { nullable: true })
  value?: boolean | null;
}

@InputType('BitFieldMutationInput')
export class BitFieldMutationInput {
  @Field(() => BitFieldMutator)
  op!: BitFieldMutator;

  @Field(() => Int)
  value!: number;
}

@InputType('BitFieldFilter', { description: 'The column combined with mutation (if given), then compared.' })
export class BitFieldFilterInput {
  @Field(() => BitFieldMutationInput, { nullable: true })
  mutation?: BitFieldMutationInput | null;

  @Field(() => IntFilterInput)
  comparison!: IntFilterInput;
}

@ObjectType('NumberCondition', { description: 'A predicate filter item: scalar operators use value, range operators lower and upper.' })
export class NumberConditionType {
  @Field(() => ComparisonOperator)
  op!: ComparisonOperator;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;
}

@ObjectType('BooleanCondition')
export class BooleanConditionType {
  @Field(() => BooleanOperator)
  op!: BooleanOperator;

  @Field(() => Boolean, { nullable: true })
  value!: boolean | null;
}

@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
