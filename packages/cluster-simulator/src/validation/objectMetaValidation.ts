import type { StatusCause } from '../kube/apiStatus.ts';
import { isJsonObject } from '../kube/kubeObject.ts';
import {
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
} from '../selectors/labelSyntax.ts';

/**
 * ObjectMeta checks the API server makes for every object, whatever its
 * schema: a DNS-subdomain name, a DNS-label namespace where the type is
 * namespaced, and label and annotation keys and values of valid syntax.
 */
export function objectMetaCauses(
  metadata: unknown,
  namespaced: boolean,
): StatusCause[] {
  if (!isJsonObject(metadata)) {
    return [required('metadata')];
  }
  const causes: StatusCause[] = [];
  const { name, namespace, labels, annotations } = metadata;
  if (typeof name !== 'string' || name.length === 0) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  } else {
    for (const error of dns1123SubdomainErrors(name)) {
      causes.push(invalid('metadata.name', name, error));
    }
  }
  if (namespaced) {
    if (typeof namespace !== 'string' || namespace.length === 0) {
      causes.push(required('metadata.namespace'));
    } else {
      for (const error of dns1123LabelErrors(namespace)) {
        causes.push(invalid('metadata.namespace', namespace, error));
      }
    }
  } else if (namespace !== undefined && namespace !== '') {
    causes.push(
      invalid(
        'metadata.namespace',
        String(namespace),
        'not allowed on this type',
      ),
    );
  }
  causes.push(...mapCauses('metadata.labels', labels, true));
  causes.push(...mapCauses('metadata.annotations', annotations, false));
  return causes;
}

function mapCauses(
  field: string,
  map: unknown,
  isLabels: boolean,
): StatusCause[] {
  if (map === undefined || map === null) {
    return [];
  }
  if (!isJsonObject(map)) {
    return [invalid(field, JSON.stringify(map), 'must be a map of strings')];
  }
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(map)) {
    for (const error of qualifiedNameErrors(key)) {
      causes.push(invalid(field, key, error));
    }
    if (typeof value !== 'string') {
      causes.push(
        invalid(`${field}.${key}`, JSON.stringify(value), 'must be a string'),
      );
    } else if (isLabels) {
      for (const error of labelValueErrors(value)) {
        causes.push(invalid(field, value, error));
      }
    }
  }
  return causes;
}

function required(field: string): StatusCause {
  return { reason: 'FieldValueRequired', message: 'Required value', field };
}

function invalid(field: string, value: string, detail: string): StatusCause {
  return {
    reason: 'FieldValueInvalid',
    message: `Invalid value: "${value}": ${detail}`,
    field,
  };
}
