import Foundation
import Testing
@testable import SlopeCore

/// Jets against closed-form derivatives, at many points including saturation.
@Suite struct JetTests {
    static let points: [Double] = stride(from: -30.0, through: 30.0, by: 0.37).map { $0 } + [-700, -40, 0, 1e-8, 40, 700]

    /// Expects the jet to equal (f, f', f'', f''') within `tolerance`, relative to max(1, |value|).
    private func expectJet(_ jet: Jet, _ expected: [Double], tolerance: Double = 1e-13,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let got = [jet.value, jet.d1, jet.d2, jet.d3]
        for k in 0..<4 {
            let scale = max(1, abs(expected[k]))
            #expect(abs(got[k] - expected[k]) <= tolerance * scale, "order \(k): \(got[k]) vs \(expected[k])",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func tanhMatchesSechForms() {
        for u in Self.points {
            let t = tanh(u), sech2 = 1 / (cosh(u) * cosh(u))
            let expected = [t, sech2, -2 * t * sech2, sech2 * (4 * t * t - 2 * sech2)]
            expectJet(Jet.tanh(.variable(u)), u.magnitude > 300 ? [t, 0, 0, 0] : expected)
        }
    }

    @Test func tanhIsExactWhereItSaturates() {
        let jet = Jet.tanh(.variable(40))
        #expect(jet.value == 1)
        #expect(jet.d1 == 0 && jet.d2 == 0 && jet.d3 == 0)
        #expect(!jet.d3.isNaN)
    }

    @Test func sigmoidMatchesExponentialForms() {
        for u in Self.points where abs(u) < 300 {
            let e = exp(-u), s = 1 / (1 + e)
            // σ' = e/(1+e)², σ'' = e(e−1)/(1+e)³, σ''' = e(e² − 4e + 1)/(1+e)⁴
            let expected = [s, e / pow(1 + e, 2), e * (e - 1) / pow(1 + e, 3), e * (e * e - 4 * e + 1) / pow(1 + e, 4)]
            expectJet(Jet.sigmoid(.variable(u)), expected, tolerance: 1e-12)
        }
    }

    @Test func expTimesSinByLeibniz() {
        // (e^u sin u)' = e^u (sin + cos), '' = 2 e^u cos, ''' = 2 e^u (cos − sin).
        for u in stride(from: -5.0, through: 5.0, by: 0.31) {
            let x = Jet.variable(u)
            let e = exp(u), s = sin(u), c = cos(u)
            expectJet(Jet.exp(x) * Jet.sin(x), [e * s, e * (s + c), 2 * e * c, 2 * e * (c - s)], tolerance: 1e-13)
        }
    }

    @Test func quotientLogSqrtAndPowers() {
        for u in stride(from: 0.2, through: 9.0, by: 0.4) {
            let x = Jet.variable(u)
            expectJet(1.0 * Jet(1) / x, [1 / u, -1 / (u * u), 2 / pow(u, 3), -6 / pow(u, 4)])
            expectJet(Jet.log(x), [log(u), 1 / u, -1 / (u * u), 2 / pow(u, 3)])
            expectJet(Jet.sqrt(x), [sqrt(u), 0.5 / sqrt(u), -0.25 * pow(u, -1.5), 0.375 * pow(u, -2.5)])
            expectJet(Jet.pow(x, 3), [u * u * u, 3 * u * u, 6 * u, 6])
            expectJet(Jet.pow(x, -2), [1 / (u * u), -2 / pow(u, 3), 6 / pow(u, 4), -24 / pow(u, 5)])
        }
        expectJet(Jet.pow(.variable(0), 2), [0, 0, 2, 0])
    }

    @Test func softplusAndLogCoshDerivativesAreSigmoidAndTanh() {
        for u in Self.points where abs(u) < 300 {
            let s = 1 / (1 + exp(-u)), t = tanh(u)
            expectJet(Jet.softplus(.variable(u)), [log1p(exp(-abs(u))) + max(u, 0), s, s * (1 - s), s * (1 - s) * (1 - 2 * s)])
            expectJet(Jet.logCosh(.variable(u)), [abs(u) + log1p(exp(-2 * abs(u))) - log(2.0), t, 1 - t * t, -2 * t * (1 - t * t)])
        }
    }

    @Test func chainRuleThroughAnInnerFunction() {
        // tanh(u²): d/du = 2u s, d² = 2s − 8u² t s, d³ = −24 u t s + 16 u³ s (3t² − 1), s = 1 − t², t = tanh(u²).
        for u in stride(from: -2.0, through: 2.0, by: 0.13) {
            let t = tanh(u * u), s = 1 - t * t
            let expected = [t, 2 * u * s, 2 * s - 8 * u * u * t * s, -24 * u * t * s + 16 * pow(u, 3) * s * (3 * t * t - 1)]
            expectJet(Jet.tanh(Jet.variable(u) * Jet.variable(u)), expected, tolerance: 1e-12)
        }
    }

    @Test(arguments: Activation.allCases)
    func activationOnJetAgreesWithActivationOnDouble(_ activation: Activation) {
        for u in stride(from: -6.0, through: 6.0, by: 0.25) {
            #expect(activation(Jet.variable(u)).value == activation(u))
        }
    }

    @Test func tanhMSEMatchesHandDerivation() {
        // g(u) = (tanh u − t)²: g' = 2 r s, g'' = 2(s² − 2 r t s), g''' = 2(−6 t s² + r s (6t² − 2)).
        let target = 0.3
        for u in stride(from: -4.0, through: 4.0, by: 0.1) {
            let y = tanh(u), s = 1 - y * y, r = y - target
            let expected = [r * r, 2 * r * s, 2 * (s * s - 2 * r * y * s), 2 * (-6 * y * s * s + r * s * (6 * y * y - 2))]
            expectJet(Loss.mse(Activation.tanh(Jet.variable(u)), target), expected)
        }
    }

    @Test func huberIsQuadraticInsideAndLinearOutside() {
        let huber = Loss.huber(delta: 1)
        expectJet(huber(Jet.variable(0.5), 0), [0.125, 0.5, 1, 0])
        expectJet(huber(Jet.variable(-3), 0), [2.5, -1, 0, 0])
        expectJet(Activation.relu(Jet.variable(-1)), [0, 0, 0, 0])
        expectJet(Activation.relu(Jet.variable(2)), [2, 1, 0, 0])
    }
}

@Suite struct TanhTests {
    /// Against glibc's tanh, relative error, on both sides of the 0.625 switch, tiny and
    /// saturated arguments.
    @Test func matchesGlibc() {
        var g = SeededGenerator(seed: 3)
        var worst = 0.0
        for k in 0..<200_000 {
            let scale = [1e-6, 1.0, 30.0][k % 3]
            let x = (2 * g.nextUnit() - 1) * scale
            let exact = Foundation.tanh(x)
            worst = max(worst, exact == 0 ? abs(Tanh.value(x)) : abs(Tanh.value(x) - exact) / abs(exact))
        }
        #expect(worst < 5e-16, "\(worst)")
        for x in [0.0, -0.0, 0.625, -0.625, 22, -22.5, 700, -700, .infinity, -.infinity] {
            #expect(Tanh.value(x) == Foundation.tanh(x) || abs(Tanh.value(x) - Foundation.tanh(x)) < 4e-16, "\(x)")
        }
        #expect(Tanh.value(.nan).isNaN)
    }
}
