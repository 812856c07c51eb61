package nl.werkdesk.reporting.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact non-negative rational number, always in lowest terms. Kaplan-Meier survival is a product of many fractions;
 * kept exact, it is rounded once, at the end, as the definitions ask (a double would drift, and could round a tie the
 * wrong way).
 *
 * <p>Not a record, so that {@link #times} can skip the record's reducing constructor: over a curve of hundreds of steps the
 * product grows to thousands of bits, and a greatest common divisor of two such numbers per step took a third of
 * reporting-service's CPU on the evaluation's reads (bench/results/2026-12-07-reads-profile.md). Cancelling crosswise
 * against the small factor keeps the product in lowest terms at the cost of a division by a small number.
 */
public final class Fraction implements Comparable<Fraction> {

    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);
    public static final Fraction HALF = new Fraction(BigInteger.ONE, BigInteger.TWO);

    private final BigInteger numerator;
    private final BigInteger denominator;

    /** Trusts its caller: numerator >= 0, denominator > 0, and no common factor. */
    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Fraction of(long numerator, long denominator) {
        return reduced(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    private static Fraction reduced(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        if (numerator.signum() < 0) {
            throw new IllegalArgumentException("a fraction here is never negative");
        }
        BigInteger gcd = numerator.gcd(denominator);
        return gcd.equals(BigInteger.ONE) ? new Fraction(numerator, denominator)
                : new Fraction(numerator.divide(gcd), denominator.divide(gcd));
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    /**
     * The product, in lowest terms: both factors are, so only this numerator with the other's denominator and the other's
     * numerator with this denominator can share a factor.
     */
    public Fraction times(Fraction other) {
        BigInteger thisOver = numerator.gcd(other.denominator);
        BigInteger otherOver = other.numerator.gcd(denominator);
        return new Fraction(numerator.divide(thisOver).multiply(other.numerator.divide(otherOver)),
                denominator.divide(otherOver).multiply(other.denominator.divide(thisOver)));
    }

    /** 1 - this, in lowest terms as this is (gcd(d - n, d) = gcd(n, d)). */
    public Fraction complement() {
        if (numerator.compareTo(denominator) > 0) {
            throw new IllegalArgumentException("1 - " + this + " would be negative");
        }
        return new Fraction(denominator.subtract(numerator), denominator);
    }

    /** Rounded half up to {@code scale} decimals. */
    public BigDecimal rounded(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** Equal values are equal fractions: both are in lowest terms. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Fraction that && numerator.equals(that.numerator) && denominator.equals(that.denominator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numerator, denominator);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
