using NanoTlv.Bridge;
using Xunit;

namespace NanoTlv.Bridge.Tests.Unit
{
    public sealed class PayloadTests
    {
        [Theory]
        [InlineData("ON", true)]
        [InlineData(" off ", false)]
        [InlineData("1", true)]
        [InlineData("false", false)]
        [InlineData("High", true)]
        public void Levels_are_read_in_any_case(string payload, bool expected)
        {
            Assert.Equal(expected, SetPayloads.ParseLevel(payload, out string? error));
            Assert.Null(error);
        }

        [Theory]
        [InlineData("", "'' is not a level")]
        [InlineData("2", "'2' is not a level")]
        [InlineData("ONN", "'ONN' is not a level")]
        public void Bad_levels_are_refused_with_the_payload_named(string payload, string expected)
        {
            Assert.Null(SetPayloads.ParseLevel(payload, out string? error));
            Assert.StartsWith(expected, error, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Pwm_settings_are_off_a_duty_or_json()
        {
            Assert.True(SetPayloads.ParsePwm("OFF", 500, out _)!.Stop);
            Assert.Equal(new PwmRequest(false, 500, 37.5), SetPayloads.ParsePwm("37.5", 500, out _));
            Assert.Equal(new PwmRequest(false, 2000, 10), SetPayloads.ParsePwm("{\"duty\":10,\"frequency\":2000}", 500, out _));
            Assert.Equal(new PwmRequest(false, 500, 0), SetPayloads.ParsePwm("{\"duty\":0}", 500, out _));
        }

        [Theory]
        [InlineData("-1", "duty -1 is out of range")]
        [InlineData("100.5", "duty 100.5 is out of range")]
        [InlineData("NaN", "duty NaN is out of range")]
        [InlineData("half", "'half' is not a PWM setting")]
        [InlineData("{\"frequency\":10}", "the PWM setting has no \"duty\"")]
        [InlineData("{\"duty\":5,\"frequency\":0}", "frequency 0 Hz is out of range")]
        [InlineData("{\"duty\":5,\"frequency\":1.5}", "\"frequency\" must be a whole number")]
        [InlineData("{\"duty\":5,\"colour\":1}", "unknown field \"colour\"")]
        [InlineData("{\"duty\":", "the PWM setting is not valid JSON")]
        public void Bad_pwm_settings_are_refused_naming_the_problem(string payload, string expected)
        {
            Assert.Null(SetPayloads.ParsePwm(payload, 1000, out string? error));
            Assert.StartsWith(expected, error, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("{\"id\":\"a/b\"}", "request id 'a/b' must be")]
        [InlineData("{\"id\":\"\"}", "request id '' must be")]
        [InlineData("{\"id\":7}", "the command has no \"id\" string")]
        [InlineData("[1]", "the command must be a JSON object")]
        [InlineData("", "the command must be a JSON object")]
        public void Commands_need_a_usable_request_id(string payload, string expected)
        {
            Assert.Null(CommandRequest.Parse(payload, out string? error));
            Assert.StartsWith(expected, error, System.StringComparison.Ordinal);
            Assert.NotNull(CommandRequest.Parse("{\"id\":\"r-1_x\",\"pin\":4}", out _));
        }

        [Fact]
        public void Board_ids_keep_letters_digits_underscore_and_dash()
        {
            Assert.Equal("my_board-2__", BoardTopics.SanitizeId("my board-2/#"));
            var topics = new BoardTopics("site/nanotlv", "kitchen");
            Assert.Equal("site/nanotlv/kitchen/state/adc/6", topics.AdcState(6));
            Assert.Equal("set/gpio/2", topics.Relative("site/nanotlv/kitchen/set/gpio/2"));
            Assert.Null(topics.Relative("site/nanotlv/porch/set/gpio/2"));
        }
    }
}
