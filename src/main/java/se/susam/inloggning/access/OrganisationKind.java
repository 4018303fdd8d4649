package se.susam.inloggning.access;

/** The kinds of organisation whose staff use SUS. */
public enum OrganisationKind {
    SAMORDNINGSFORBUND, FORSAKRINGSKASSAN, ARBETSFORMEDLINGEN, KOMMUN, REGION
}
