/**
 * Types of the operator resources the manifests use, for the unknown-field check of k8s-schema.ts, since
 * kubernetes-models covers only the built-in Kubernetes API:
 *   - Strimzi `kafka.strimzi.io/v1` (Strimzi 0.49+; the only version served from Strimzi 1.0 on): Kafka,
 *     KafkaNodePool, KafkaTopic, KafkaUser;
 *   - CloudNativePG `postgresql.cnpg.io/v1` (1.26+ for a Database's schemas): Cluster, Database.
 * Hand-written from the operators' CRD references, and a SUBSET of them: the fields this project uses and their
 * common neighbours, with the CRDs' required fields required and their enumerations as literal unions. A field
 * that the operator accepts but is missing here is refused by the check: add it here, with its documented type.
 * Nested objects that the project passes through untouched (pod templates, logging) are typed loosely.
 */
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';

type ConfigValue = string | number | boolean;
type Loose = Record<string, unknown>;

// ----------------------------------------------------------------------------------------------------------------
// Strimzi

interface PersistentClaimStorage {
  type: 'persistent-claim';
  id?: number;
  size?: string;
  class?: string;
  selector?: Record<string, string>;
  deleteClaim?: boolean;
  kraftMetadata?: 'shared';
}

interface EphemeralStorage {
  type: 'ephemeral';
  id?: number;
  sizeLimit?: string;
  kraftMetadata?: 'shared';
}

interface JbodStorage {
  type: 'jbod';
  volumes: Array<PersistentClaimStorage | EphemeralStorage>;
}

interface JvmOptions {
  '-Xms'?: string;
  '-Xmx'?: string;
  gcLoggingEnabled?: boolean;
  javaSystemProperties?: Array<{ name: string; value: string }>;
  '-XX'?: Record<string, string>;
}

interface StrimziListener {
  name: string;
  port: number;
  type: 'internal' | 'route' | 'loadbalancer' | 'nodeport' | 'ingress' | 'cluster-ip';
  tls: boolean;
  authentication?: { type: 'tls' | 'scram-sha-512' | 'oauth' | 'custom' } & Loose;
  configuration?: Loose;
  networkPolicyPeers?: INetworkPolicyPeer[];
}

interface EntityOperatorComponent {
  watchedNamespace?: string;
  reconciliationIntervalMs?: number;
  resources?: IResourceRequirements;
  jvmOptions?: JvmOptions;
  logging?: Loose;
  startupProbe?: Loose;
  livenessProbe?: Loose;
  readinessProbe?: Loose;
}

export interface StrimziKafka {
  apiVersion: 'kafka.strimzi.io/v1';
  kind: 'Kafka';
  metadata: IObjectMeta;
  spec: {
    kafka: {
      version?: string;
      metadataVersion?: string;
      image?: string;
      listeners: StrimziListener[];
      config?: Record<string, ConfigValue>;
      authorization?: { type: 'simple' | 'opa' | 'keycloak' | 'custom' } & Loose;
      rack?: { topologyKey: string };
      brokerRackInitImage?: string;
      jmxOptions?: Loose;
      metricsConfig?: { type: 'jmxPrometheusExporter' | 'strimziMetricsReporter' } & Loose;
      logging?: Loose;
      livenessProbe?: Loose;
      readinessProbe?: Loose;
      quotas?: Loose;
      template?: Loose;
      tieredStorage?: Loose;
    };
    entityOperator?: {
      topicOperator?: EntityOperatorComponent;
      userOperator?: EntityOperatorComponent;
      template?: Loose;
    };
    clusterCa?: Loose;
    clientsCa?: Loose;
    cruiseControl?: Loose;
    kafkaExporter?: Loose;
    maintenanceTimeWindows?: string[];
  };
}

export interface StrimziKafkaNodePool {
  apiVersion: 'kafka.strimzi.io/v1';
  kind: 'KafkaNodePool';
  metadata: IObjectMeta;
  spec: {
    replicas: number;
    roles: Array<'controller' | 'broker'>;
    storage: JbodStorage | PersistentClaimStorage | EphemeralStorage;
    resources?: IResourceRequirements;
    jvmOptions?: JvmOptions;
    template?: Loose;
  };
}

export interface StrimziKafkaTopic {
  apiVersion: 'kafka.strimzi.io/v1';
  kind: 'KafkaTopic';
  metadata: IObjectMeta;
  spec: {
    topicName?: string;
    partitions?: number;
    replicas?: number;
    config?: Record<string, ConfigValue>;
  };
}

/** A rule of a KafkaUser's simple authorization (Kafka ACLs). */
export interface StrimziAclRule {
  type?: 'allow' | 'deny';
  resource:
    | { type: 'topic' | 'group' | 'transactionalId'; name: string; patternType?: 'literal' | 'prefix' }
    | { type: 'cluster' };
  operations: Array<
    | 'Read'
    | 'Write'
    | 'Create'
    | 'Delete'
    | 'Alter'
    | 'Describe'
    | 'ClusterAction'
    | 'AlterConfigs'
    | 'DescribeConfigs'
    | 'IdempotentWrite'
    | 'All'
  >;
  host?: string;
}

export interface StrimziKafkaUser {
  apiVersion: 'kafka.strimzi.io/v1';
  kind: 'KafkaUser';
  metadata: IObjectMeta;
  spec: {
    authentication?:
      | { type: 'tls' | 'tls-external' }
      | {
          type: 'scram-sha-512';
          password?: { valueFrom: { secretKeyRef: { name: string; key: string } } };
        };
    authorization?: { type: 'simple'; acls: StrimziAclRule[] };
    quotas?: Loose;
    template?: Loose;
  };
}

// ----------------------------------------------------------------------------------------------------------------
// CloudNativePG

/** A role the operator keeps as declared (Cluster spec.managed.roles). */
export interface CnpgRole {
  name: string;
  ensure?: 'present' | 'absent';
  comment?: string;
  login?: boolean;
  superuser?: boolean;
  createdb?: boolean;
  createrole?: boolean;
  inherit?: boolean;
  replication?: boolean;
  bypassrls?: boolean;
  connectionLimit?: number;
  validUntil?: string;
  inRoles?: string[];
  passwordSecret?: { name: string };
  disablePassword?: boolean;
}

interface CnpgStorage {
  size?: string;
  storageClass?: string;
  resizeInUseVolumes?: boolean;
  pvcTemplate?: Loose;
}

export interface CnpgCluster {
  apiVersion: 'postgresql.cnpg.io/v1';
  kind: 'Cluster';
  metadata: IObjectMeta;
  spec: {
    instances: number;
    description?: string;
    imageName?: string;
    imageCatalogRef?: { apiGroup?: string; kind: string; name: string; major: number };
    imagePullPolicy?: 'Always' | 'Never' | 'IfNotPresent';
    primaryUpdateStrategy?: 'unsupervised' | 'supervised';
    primaryUpdateMethod?: 'switchover' | 'restart';
    minSyncReplicas?: number;
    maxSyncReplicas?: number;
    startDelay?: number;
    stopDelay?: number;
    switchoverDelay?: number;
    enableSuperuserAccess?: boolean;
    superuserSecret?: { name: string };
    bootstrap?: {
      initdb?: {
        database?: string;
        owner?: string;
        secret?: { name: string };
        encoding?: string;
        localeCollate?: string;
        localeCType?: string;
        dataChecksums?: boolean;
        walSegmentSize?: number;
        postInitSQL?: string[];
        postInitApplicationSQL?: string[];
        postInitTemplateSQL?: string[];
      };
      recovery?: Loose;
      pg_basebackup?: Loose;
    };
    postgresql?: {
      // CloudNativePG requires string values here (max_connections: "200", not 200).
      parameters?: Record<string, string>;
      pg_hba?: string[];
      pg_ident?: string[];
      shared_preload_libraries?: string[];
      synchronous?: Loose;
    };
    storage: CnpgStorage;
    walStorage?: CnpgStorage;
    resources?: IResourceRequirements;
    affinity?: {
      enablePodAntiAffinity?: boolean;
      topologyKey?: string;
      podAntiAffinityType?: 'preferred' | 'required';
      nodeSelector?: Record<string, string>;
      tolerations?: IToleration[];
      additionalPodAffinity?: Loose;
      additionalPodAntiAffinity?: Loose;
      nodeAffinity?: Loose;
    };
    topologySpreadConstraints?: Array<Loose & { labelSelector?: ILabelSelector }>;
    monitoring?: { enablePodMonitor?: boolean; customQueriesConfigMap?: Loose[]; customQueriesSecret?: Loose[] };
    backup?: Loose;
    managed?: { roles?: CnpgRole[]; services?: Loose };
    env?: Loose[];
    envFrom?: Loose[];
    priorityClassName?: string;
    serviceAccountTemplate?: Loose;
    inheritedMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  };
}

export interface CnpgDatabase {
  apiVersion: 'postgresql.cnpg.io/v1';
  kind: 'Database';
  metadata: IObjectMeta;
  spec: {
    name: string;
    owner: string;
    cluster: { name: string };
    ensure?: 'present' | 'absent';
    databaseReclaimPolicy?: 'retain' | 'delete';
    encoding?: string;
    template?: string;
    allowConnections?: boolean;
    connectionLimit?: number;
    schemas?: Array<{ name: string; owner?: string; ensure?: 'present' | 'absent' }>;
    extensions?: Array<{ name: string; ensure?: 'present' | 'absent'; version?: string; schema?: string }>;
  };
}

/** apiVersion|kind → the type above that describes it. */
export const CRD_TYPE_NAMES: Record<string, string> = {
  'kafka.strimzi.io/v1|Kafka': 'StrimziKafka',
  'kafka.strimzi.io/v1|KafkaNodePool': 'StrimziKafkaNodePool',
  'kafka.strimzi.io/v1|KafkaTopic': 'StrimziKafkaTopic',
  'kafka.strimzi.io/v1|KafkaUser': 'StrimziKafkaUser',
  'postgresql.cnpg.io/v1|Cluster': 'CnpgCluster',
  'postgresql.cnpg.io/v1|Database': 'CnpgDatabase',
};
