// The GraphQL `ClientFlow` (admin-api.md §15.2) and its mapping from the shared read model
// (src/services/admin/client-flow-object.ts). 4b's mutations return it too.
import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FlowFlag, flowFlags, hasFlowFlag } from '../../domain/flags';
import type { JsonObject } from '../../domain/json';
import type { FilterItem, FlowRule, FlowScreen, Predicate, ScreenVariable } from '../../domain/model';
import { isRangeOperator } from '../../domain/predicate';
import type { ClientFlowRecord } from '../../services/admin/client-flow-object';
import { JSONObjectScalar, PathSegmentScalar } from '../scalars';
import { ComparisonOperator, NumberConditionType } from './filters.type';

export enum ParameterForwarding { COPY = 'copy', OMIT = 'omit' }
registerEnumType(ParameterForwarding, { name: 'ParameterForwarding', description: 'Whether a replace rule passes the parameters on.' });

@ObjectType('ClientFlowFlagSet', { description: 'The bits of ClientFlow.flags, named.' })
export class ClientFlowFlagSetType {
  @Field(() => Boolean) showsInAdmin!: boolean;
  @Field(() => Boolean) isCustom!: boolean;
  @Field(() => Boolean) iosTriggerable!: boolean;
  @Field(() => Boolean) androidTriggerable!: boolean;
  @Field(() => Boolean) browserTriggerable!: boolean;
}

@ObjectType('StringFormatVariable')
export class StringFormatVariableType {
  @Field(() => String) format!: string;
  @Field(() => [PathSegmentScalar]) outputPath!: (string | number)[];
}

@ObjectType('CopyVariable')
export class CopyVariableType {
  @Field(() => [String]) inputPath!: string[];
  @Field(() => [PathSegmentScalar]) outputPath!: (string | number)[];
}

@ObjectType('ExtractVariable')
export class ExtractVariableType {
  @Field(() => [String]) inputPath!: string[];
  @Field(() => [String]) extractedPath!: string[];
  @Field(() => [PathSegmentScalar]) outputPath!: (string | number)[];
  @Field(() => Boolean) skipIfMissing!: boolean;
}

// Union members are class instances: type-graphql resolves the member type by `instanceof`.
export const ClientFlowScreenVariableUnion = createUnionType({
  name: 'ClientFlowScreenVariable',
  types: () => [StringFormatVariableType, CopyVariableType, ExtractVariableType] as const,
});

@ObjectType('ClientFlowScreenTarget')
export class ClientFlowScreenTargetType {
  @Field(() => String) slug!: string;
  @Field(() => JSONObjectScalar) fixed!: JsonObject;
  @Field(() => [ClientFlowScreenVariableUnion]) variable!: (typeof ClientFlowScreenVariableUnion)[];
}

@ObjectType('ClientFlowPredicate', { description: 'All present conditions hold, or else `or` holds. Fields mirror queue-engine.md §2.1.' })
export class ClientFlowPredicateType {
  @Field(() => NumberConditionType, { nullable: true }) version!: NumberConditionType | null;
  @Field(() => NumberConditionType, { nullable: true }) timeInQueue!: NumberConditionType | null;
  @Field(() => NumberConditionType, { nullable: true }) queuedAt!: NumberConditionType | null;
  @Field(() => NumberConditionType, { nullable: true }) accountAge!: NumberConditionType | null;
  @Field(() => NumberConditionType, { nullable: true }) accountCreatedAt!: NumberConditionType | null;
  @Field(() => NumberConditionType, { nullable: true }) randomFloat!: NumberConditionType | null;
  @Field(() => ClientFlowPredicateType, { nullable: true }) or!: ClientFlowPredicateType | null;
}

@ObjectType('ClientFlowScreenRules')
export class ClientFlowScreenRulesType {
  @Field(() => ClientFlowPredicateType, { nullable: true }) trigger!: ClientFlowPredicateType | null;
  @Field(() => ClientFlowPredicateType, { nullable: true }) peek!: ClientFlowPredicateType | null;
}

@ObjectType('ClientFlowScreen')
export class ClientFlowScreenType {
  @Field(() => ClientFlowScreenTargetType) screen!: ClientFlowScreenTargetType;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => [String]) allowedTriggers!: string[];
  @Field(() => Int, { description: 'Flow-screen layout: 1 iOS, 2 Android, 4 web, 8 free users, 16 Pro users.' }) flags!: number;
  @Field(() => ClientFlowScreenRulesType) rules!: ClientFlowScreenRulesType;
}

@ObjectType('ReplaceFlowEffect')
export class ReplaceFlowEffectType {
  @Field(() => String) slug!: string;
  @Field(() => ParameterForwarding) clientParameters!: ParameterForwarding;
  @Field(() => ParameterForwarding) serverParameters!: ParameterForwarding;
}

@ObjectType('SkipFlowEffect')
export class SkipFlowEffectType {
  @Field(() => Boolean, { description: 'Always true (object types need a field).' }) skip!: boolean;
}

export const ClientFlowRuleEffectUnion = createUnionType({
  name: 'ClientFlowRuleEffect',
  types: () => [ReplaceFlowEffectType, SkipFlowEffectType] as const,
});

@ObjectType('ClientFlowRule')
export class ClientFlowRuleType {
  @Field(() => ClientFlowPredicateType) condition!: ClientFlowPredicateType;
  @Field(() => ClientFlowRuleEffectUnion) effect!: typeof ClientFlowRuleEffectUnion;
}

@ObjectType('ClientFlow', { description: 'A client flow (admin-api.md §4).' })
export class ClientFlowType {
  @Field(() => ID) uid!: string;
  @Field(() => String, { description: 'The trigger name; unique.' }) slug!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => JSONObjectScalar) clientSchema!: JsonObject;
  @Field(() => JSONObjectScalar) serverSchema!: JsonObject;
  @Field(() => Boolean, { description: 'True: the queue is cleared before the screens are added.' }) replaces!: boolean;
  @Field(() => [ClientFlowScreenType]) screens!: ClientFlowScreenType[];
  @Field(() => [ClientFlowRuleType]) rules!: ClientFlowRuleType[];
  @Field(() => Int, { description: 'Flow layout: 1 shows in admin, 2 custom, 4 iOS, 8 Android, 16 browser triggerable.' }) flags!: number;
  @Field(() => ClientFlowFlagSetType) flagSet!: ClientFlowFlagSetType;
  @Field(() => Int, { description: 'Starts at 1, +1 on every non-empty successful patch.' }) revision!: number;
  @Field(() => Float, { description: 'Seconds since the epoch.' }) createdAt!: number;
}

// ---- mapping from the read model ----

export function numberCondition(item: FilterItem): NumberConditionType {
  const op = item.operator as ComparisonOperator;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  if (isRangeOperator(item.operator) && Array.isArray(item.value)) {
    return { op, value: null, lower: num(item.value[0]), upper: num(item.value[1]) };
  }
  return { op, value: num(item.value), lower: null, upper: null };
}

const condition = (item: FilterItem | null | undefined) => (item === undefined || item === null ? null : numberCondition(item));

export function predicateNode(p: Predicate): ClientFlowPredicateType {
  return {
    version: condition(p.version),
    timeInQueue: condition(p.time_in_queue),
    queuedAt: condition(p.queued_at),
    accountAge: condition(p.account_age),
    accountCreatedAt: condition(p.account_created_at),
    randomFloat: condition(p.random_float),
    or: p.or_predicate === undefined || p.or_predicate === null ? null : predicateNode(p.or_predicate),
  };
}

const optionalPredicate = (p: Predicate | null | undefined) => (p === undefined || p === null ? null : predicateNode(p));

function variableNode(v: ScreenVariable): typeof ClientFlowScreenVariableUnion {
  switch (v.type) {
    case 'string_format':
      return Object.assign(new StringFormatVariableType(), { format: v.format, outputPath: v.output_path });
    case 'copy':
      return Object.assign(new CopyVariableType(), { inputPath: v.input_path as string[], outputPath: v.output_path });
    case 'extract':
      return Object.assign(new ExtractVariableType(), {
        inputPath: v.input_path as string[],
        extractedPath: v.extracted_path as string[],
        outputPath: v.output_path,
        skipIfMissing: v.skip_if_missing ?? false,
      });
  }
}

export function flowScreenNode(s: FlowScreen): ClientFlowScreenType {
  return {
    screen: { slug: s.screen.slug, fixed: s.screen.fixed, variable: s.screen.variable.map(variableNode) },
    name: s.name ?? null,
    allowedTriggers: s.allowed_triggers,
    flags: s.flags,
    rules: { trigger: optionalPredicate(s.rules?.trigger), peek: optionalPredicate(s.rules?.peek) },
  };
}

export function flowRuleNode(rule: FlowRule): ClientFlowRuleType {
  const effect =
    rule.effect.type === 'skip'
      ? Object.assign(new SkipFlowEffectType(), { skip: true })
      : Object.assign(new ReplaceFlowEffectType(), {
          slug: rule.effect.slug,
          clientParameters: rule.effect.client_parameters.type as ParameterForwarding,
          serverParameters: rule.effect.server_parameters.type as ParameterForwarding,
        });
  return { condition: predicateNode(rule.condition), effect };
}

export function clientFlowNode(flow: ClientFlowRecord): ClientFlowType {
  const flags = flowFlags(flow.flags);
  return {
    uid: flow.uid,
    slug: flow.slug,
    name: flow.name,
    description: flow.description,
    clientSchema: flow.clientSchema,
    serverSchema: flow.serverSchema,
    replaces: flow.replaces,
    screens: flow.screens.map(flowScreenNode),
    rules: flow.rules.map(flowRuleNode),
    flags: flow.flags,
    flagSet: {
      showsInAdmin: hasFlowFlag(flags, FlowFlag.SHOWS_IN_ADMIN),
      isCustom: hasFlowFlag(flags, FlowFlag.IS_CUSTOM),
      iosTriggerable: hasFlowFlag(flags, FlowFlag.IOS_TRIGGERABLE),
      androidTriggerable: hasFlowFlag(flags, FlowFlag.ANDROID_TRIGGERABLE),
      browserTriggerable: hasFlowFlag(flags, FlowFlag.BROWSER_TRIGGERABLE),
    },
    revision: flow.revision,
    createdAt: flow.createdAt,
  };
}
