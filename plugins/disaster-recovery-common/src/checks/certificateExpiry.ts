import { isMappedToEntity } from '../coverage';
import { formatDuration } from '../durations';
import { worstStatus } from '../posture/worstStatus';
import type { CertificateRecord } from '../records';
import {
  describeRef,
  oncePerContext,
  refOf,
  sentenceOf,
  type PostureContext,
} from './context';
import { defineCheck, verdict } from './definition';
import type { CheckStatus } from './types';

type Values = {
  certificates: number;
  /** The soonest expiry of its issued certificates. */
  firstExpiry: string | null;
};

/**
 * The entity's cert-manager Certificates on the clusters that count: those
 * its Kubernetes mapping selects by label, and every one in the namespace
 * its `backstage.io/kubernetes-namespace` annotation names.
 */
export const entityCertificates = oncePerContext(
  (context: PostureContext): CertificateRecord[] =>
    (context.records.certificates ?? []).filter(
      certificate =>
        certificate.deletedAt === undefined &&
        (isMappedToEntity(context.mapping, certificate) ||
          (context.mapping.namespace !== undefined &&
            certificate.namespace === context.mapping.namespace)),
    ),
);

function judgeCertificate(
  context: PostureContext,
  certificate: CertificateRecord,
): { status: CheckStatus; text: string } {
  const name = `certificate ${describeRef(certificate)}`;
  if (certificate.notAfter === undefined) {
    return certificate.ready === 'False'
      ? {
          status: 'fail',
          text: `${name} has not been issued (Ready is False): nothing serves its secret ${certificate.secretName}`,
        }
      : {
          status: 'unknown',
          text: `${name} reports no expiry (status.notAfter) yet`,
        };
  }
  const leftMs = Date.parse(certificate.notAfter) - context.now.getTime();
  if (leftMs <= 0) {
    return {
      status: 'fail',
      text: `${name} expired ${formatDuration(-leftMs)} ago (${
        certificate.notAfter
      })`,
    };
  }
  const renewal = certificate.renewalTime
    ? `, renewal was due ${certificate.renewalTime}`
    : '';
  if (leftMs <= context.availability.certificateWarnMs) {
    return {
      status: 'warn',
      text: `${name} expires in ${formatDuration(leftMs)} (${
        certificate.notAfter
      }${renewal}): cert-manager has not renewed it; check its issuer and the CertificateRequest`,
    };
  }
  return {
    status: 'pass',
    text: `${name} is valid for ${formatDuration(leftMs)}`,
  };
}

export const certificateExpiry = defineCheck<'certificate-expiry', Values>({
  id: 'certificate-expiry',
  title: 'Certificates not expiring',
  appliesTo:
    "Entities with cert-manager Certificates (labelled as the entity's workloads, or in its kubernetes-namespace); not applicable where cert-manager is not installed.",
  docs: 'Every cert-manager Certificate of the entity expires (`status.notAfter`) more than `certificateWarnWithin` (default 14 days) from now; cert-manager renews well before that by default, so a certificate this close is one whose renewal is failing. Within the window warns, expired fails, not issued with `Ready` False fails, no expiry reported yet is unknown.',
  scorecard: {
    omitted:
      'Certificate expiry is an alert with its own clock; the expiry date is shown with the check.',
  },
  evaluate: context => {
    const certificates = entityCertificates(context);
    if (certificates.length === 0) return undefined;
    const judged = certificates.map(c => judgeCertificate(context, c));
    const status = worstStatus(judged.map(j => j.status));
    const expiries = certificates
      .flatMap(c => (c.notAfter ? [c.notAfter] : []))
      .sort((a, b) => Date.parse(a) - Date.parse(b));
    return verdict(
      status,
      sentenceOf(
        judged
          .filter(j => status === 'pass' || j.status !== 'pass')
          .map(j => j.text),
      ),
      certificates.map(c => refOf('Certificate', c)),
      { certificates: certificates.length, firstExpiry: expiries[0] ?? null },
    );
  },
});
